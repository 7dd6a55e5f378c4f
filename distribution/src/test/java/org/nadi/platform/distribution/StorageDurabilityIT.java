package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No acknowledged write is lost: clients write notes concurrently over REST while the runtime
 * is killed with SIGKILL, round after round; after each restart every note that was answered
 * 2xx is there with its text, and in the end the database passes SQLite's integrity check
 * without any repair. {@code -Dnadi.it.durability.rounds=N} sets the number of rounds (20 by
 * default).
 */
@Timeout(900)
class StorageDurabilityIT {

    private static final int ROUNDS = Integer.getInteger("nadi.it.durability.rounds", 20);
    private static final int WRITERS = 8;

    @ParameterizedTest
    @ValueSource(strings = {Engines.SQLITE, Engines.POSTGRESQL})
    void everyAcknowledgedNoteSurvivesKillDashNine(String engine) throws Exception {
        // On PostgreSQL the server is not killed, so fewer rounds prove what there is to prove.
        int rounds = engine.equals(Engines.SQLITE) ? ROUNDS : Math.min(ROUNDS, 3);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (NadiRuntime runtime = Engines.runtime(engine, "durability").start()) {
            for (int round = 1; round <= rounds; round++) {
                Map<Long, String> thisRound = writeUntilKilled(runtime, round);
                acknowledged.putAll(thisRound);
                runtime.startAgain();
                assertPresent(runtime, thisRound, "round " + round);
            }
            assertTrue(acknowledged.size() >= rounds * 10, "too few writes were acknowledged to prove anything: " + acknowledged.size());
            assertPresent(runtime, acknowledged, "after all rounds");
            runtime.stop();
            if (engine.equals(Engines.SQLITE)) {
                assertIntact(runtime, acknowledged.size());
            }
        }
    }

    /** Writes from several clients for a random moment, then kills the runtime; answers what was acknowledged. */
    private static Map<Long, String> writeUntilKilled(NadiRuntime runtime, int round) throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = new ArrayList<>();
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        ApiClient admin = runtime.admin(); // signed in before the clock starts: a sign-in is slow on purpose
        for (int writer = 0; writer < WRITERS; writer++) {
            int number = writer;
            done.add(writers.submit(() -> {
                for (int note = 0; !killed.get(); note++) {
                    String text = "round " + round + " writer " + number + " note " + note;
                    HttpAnswer answer;
                    try {
                        answer = admin.postJson("/api/v1/example/notes", "{\"text\": \"" + text + "\"}");
                    } catch (UncheckedIOException cutOff) {
                        return; // the runtime died under this request: it was never acknowledged
                    }
                    if (answer.status() == 201) {
                        acknowledged.put(answer.object().get("id").getAsLong(), text);
                    } else if (!killed.get()) {
                        synchronized (unexpected) {
                            unexpected.add(answer.toString());
                        }
                        return;
                    }
                }
            }));
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(300, 900));
        killed.set(true);
        runtime.kill();
        for (Future<?> writer : done) {
            writer.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();
        assertEquals(List.of(), unexpected, "every write before the kill succeeds");
        return acknowledged;
    }

    private static void assertPresent(NadiRuntime runtime, Map<Long, String> notes, String when) {
        for (Map.Entry<Long, String> note : notes.entrySet()) {
            HttpAnswer answer = runtime.admin().get("/api/v1/example/notes/" + note.getKey());
            assertEquals(200, answer.status(), () -> when + ": acknowledged note " + note.getKey() + " is lost. " + answer);
            assertEquals(note.getValue(), answer.object().get("text").getAsString(), when);
        }
    }

    private static void assertIntact(NadiRuntime runtime, int acknowledged) throws SQLException {
        String url = "jdbc:sqlite:" + runtime.home().resolve("data/nadi.db");
        try (Connection connection = new org.sqlite.JDBC().connect(url, new Properties());
                Statement query = connection.createStatement()) {
            try (ResultSet check = query.executeQuery("PRAGMA integrity_check")) {
                check.next();
                assertEquals("ok", check.getString(1));
            }
            try (ResultSet count = query.executeQuery("SELECT COUNT(*) FROM example_notes")) {
                count.next();
                assertTrue(count.getInt(1) >= acknowledged, "the database holds " + count.getInt(1) + " notes, "
                        + acknowledged + " were acknowledged");
            }
        }
    }
}
