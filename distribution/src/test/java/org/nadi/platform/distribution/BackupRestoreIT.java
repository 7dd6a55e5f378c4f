package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online backup while clients write, then restore into a fresh runtime with an empty data
 * directory: every note acknowledged before the backup began is there. Restoring over data
 * needs the explicit force flag.
 */
@Timeout(180)
class BackupRestoreIT {

    @TempDir
    Path folder;

    @Test
    void aBackupTakenDuringWritesRestoresIntoAnEmptyDataDirectory() throws Exception {
        Path backup = folder.resolve("nadi-backup.db");
        Path shellBackup = folder.resolve("from-the-shell.db");
        Map<Long, String> beforeBackup;
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        try (NadiRuntime source = NadiRuntime.options().label("backup-source").shell().start()) {
            ApiClient admin = source.admin();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int number = writer;
                done.add(writers.submit(() -> {
                    for (int note = 0; writing.get(); note++) {
                        String text = "writer " + number + " note " + note;
                        HttpAnswer answer = admin.postJson("/api/v1/example/notes", "{\"text\": \"" + text + "\"}").assertJson(201);
                        acknowledged.put(answer.object().get("id").getAsLong(), text);
                    }
                    return null;
                }));
            }
            source.eventually(java.time.Duration.ofSeconds(30), "200 notes written", () -> acknowledged.size() >= 200);
            beforeBackup = new HashMap<>(acknowledged);

            assertEquals(200, source.admin().postForFile("/api/v1/storage/backup", backup));
            assertTrue(source.shell("nadi:backup " + shellBackup, "(backed up to|error:).*\n").contains("backed up to " + shellBackup),
                    source::output);

            writing.set(false);
            for (Future<?> writer : done) {
                writer.get(30, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
        assertTrue(new String(Files.readAllBytes(backup), 0, 15, StandardCharsets.US_ASCII).startsWith("SQLite format 3"));

        Path emptyData = Files.createDirectories(folder.resolve("fresh-data"));
        try (NadiRuntime target = NadiRuntime.options().label("restore-target").shell()
                .arguments("--data", emptyData.toString()).start()) {
            restore(target, backup, false).assertJson(200);

            for (Map.Entry<Long, String> note : beforeBackup.entrySet()) {
                HttpAnswer answer = target.admin().get("/api/v1/example/notes/" + note.getKey()).assertJson(200);
                assertEquals(note.getValue(), answer.object().get("text").getAsString());
            }
            int restored = 0;
            for (Long id : acknowledged.keySet()) {
                restored += target.admin().get("/api/v1/example/notes/" + id).status() == 200 ? 1 : 0;
            }
            assertTrue(restored >= beforeBackup.size() && restored <= acknowledged.size(), "restored " + restored);
            target.admin().postJson("/api/v1/example/notes", "{\"text\": \"written after the restore\"}").assertJson(201);

            HttpAnswer refused = restore(target, backup, false).assertProblem(409);
            assertTrue(refused.detail().contains("force=true"), refused::toString);
            assertTrue(target.shell("nadi:restore " + shellBackup, "(restored from|error:).*\n").contains("--force"), target::output);
            assertTrue(target.shell("nadi:restore --force " + shellBackup, "(restored from|error:).*\n").contains("restored from"),
                    target::output);
            target.signInAgain();
            restore(target, backup, true).assertJson(200);
            assertEquals(beforeBackup.size(), beforeBackup.keySet().stream()
                    .filter(id -> target.admin().get("/api/v1/example/notes/" + id).status() == 200).count());
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefused() throws IOException {
        Path notABackup = Files.writeString(folder.resolve("notes.txt"), "not a database");
        try (NadiRuntime runtime = NadiRuntime.options().label("restore-refused").start()) {
            restore(runtime, notABackup, true).assertProblem(400);
            runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"still here\"}").assertJson(201);
        }
    }

    /** Restores a backup over REST; a restore replaces the accounts and their tokens, so the test signs in again. */
    private static HttpAnswer restore(NadiRuntime runtime, Path file, boolean force) {
        try {
            HttpAnswer answer = runtime.admin().post("/api/v1/storage/restore" + (force ? "?force=true" : ""),
                    "application/vnd.sqlite3", Files.readAllBytes(file));
            runtime.signInAgain();
            return answer;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
