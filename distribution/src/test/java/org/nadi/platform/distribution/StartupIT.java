package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Starting and stopping the packaged runtime with {@code bin/nadi}: the ready line, health,
 * the data directory, the port options, refused starts and SIGTERM.
 */
@Timeout(90)
class StartupIT {

    @Test
    void announcesItsUrlAndStartUpTimeOnceHealthy() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("startup").start()) {
            Pattern readyLine = Pattern.compile("NADI Platform ready at http://localhost:" + runtime.port() + "/ in \\d+ ms");
            assertTrue(readyLine.matcher(runtime.output()).find(), runtime::output);
            assertTrue(runtime.readyMillis() > 0, "the ready line reports the start-up time in milliseconds");

            HttpAnswer health = runtime.admin().get("/api/v1/health").assertJson(200);
            JsonObject body = health.object();
            assertEquals("UP", body.get("status").getAsString(), health::toString);
            assertEquals(8, body.get("modules").getAsInt(), health::toString);
            assertTrue(body.getAsJsonArray("problems").isEmpty(), health::toString);
        }
    }

    @Test
    void createsItsDataDirectoryOnFirstStart() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("startup-data").start()) {
            assertTrue(Files.isDirectory(runtime.home().resolve("data/framework")),
                    "data/ holds the framework's bundle cache after the first start");
        }
    }

    @Test
    void keepsItsStateInTheDirectoryGivenWithData(@TempDir Path elsewhere) throws IOException {
        Path data = elsewhere.resolve("nadi-state");
        try (NadiRuntime runtime = NadiRuntime.options().label("startup-data-option").arguments("--data", data.toString()).start()) {
            runtime.admin().get("/api/v1/health").assertJson(200);
            assertTrue(Files.isDirectory(data.resolve("framework")), "--data DIR holds the framework's bundle cache");
            assertFalse(Files.exists(runtime.home().resolve("data")), "with --data DIR the default data/ is not created");
        }
    }

    @Test
    void listensOnThePortGivenInNadiHttpPort() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("startup-env-port").portFromEnvironment().start()) {
            // The ready line was awaited for this very port, which only the environment named.
            assertFalse(runtime.output().contains("--port"), runtime::output);
            runtime.admin().get("/api/v1/health").assertJson(200);
        }
    }

    @Test
    void stopsCleanlyAndQuicklyOnSigterm(@TempDir Path systemTemporaryFolder) throws IOException {
        // A temporary folder of its own, to see whether the runtime leaves anything in it.
        try (NadiRuntime runtime = NadiRuntime.options().label("startup-sigterm")
                .environment("NADI_JAVA_OPTS", "-Djava.io.tmpdir=" + systemTemporaryFolder).start()) {
            runtime.admin().get("/api/v1/health").assertJson(200);

            NadiRuntime.Stopped stopped = runtime.stop();

            assertTrue(stopped.exitCode() == 0 || stopped.exitCode() == 143,
                    "exit code " + stopped.exitCode() + "\n" + runtime.output());
            // A generous bound that still catches a hanging shutdown; the benchmark measures the real figure.
            assertTrue(stopped.took().compareTo(Duration.ofSeconds(5)) < 0, "stopping took " + stopped.took().toMillis() + " ms");
            assertFalse(runtime.output().contains("SEVERE"), runtime::output);
            assertThrows(UncheckedIOException.class, () -> runtime.admin().get("/api/v1/health"), "nothing answers after the stop");
            try (var left = Files.list(systemTemporaryFolder)) {
                assertEquals(List.of(), left.toList(), "the runtime keeps its files in data/, not in the system's temporary folder");
            }
        }
    }

    @Test
    void refusesAnUnknownOptionWithTheUsageAndExitCode2() throws IOException {
        NadiRuntime.Exit exit = NadiRuntime.options().label("startup-bad-option").arguments("--colour", "blue")
                .runUntilExit(NadiRuntime.freePort(), Duration.ofSeconds(20));

        assertEquals(2, exit.code(), exit.output());
        assertTrue(exit.output().contains("unknown option '--colour'"), exit.output());
        assertTrue(exit.output().contains("Usage: nadi [--port N] [--data DIR] [--demo] [--help]"), exit.output());
    }

    @Test
    void refusesToStartOnAPortInUseWithAClearMessageAndExitCode1() throws IOException {
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(0));
            int taken = occupant.getLocalPort();

            NadiRuntime.Exit exit = NadiRuntime.options().label("startup-port-in-use").runUntilExit(taken, Duration.ofSeconds(20));

            assertEquals(1, exit.code(), exit.output());
            assertTrue(exit.output().contains("Cannot listen on 0.0.0.0:" + taken), exit.output());
            assertTrue(exit.output().contains("--port N"), "the message says how to choose another port: " + exit.output());
        }
    }
}
