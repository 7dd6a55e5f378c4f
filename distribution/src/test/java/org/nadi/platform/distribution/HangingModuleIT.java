package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.HangingActivator;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/**
 * A module whose activator does not return gets a clear error in time and leaves the runtime
 * administrable. Each test has a runtime of its own because the stuck activator thread lives
 * on in it.
 */
@Timeout(90)
class HangingModuleIT {

    @Test
    void aModuleWhoseActivatorHangsIsRefusedInTimeAndTheRuntimeStaysAdministrable(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("hanging-module").start()) {
            Path hanging = TestBundle.module("hanging").activator(HangingActivator.class).writeTo(jars, "hanging.jar");
            Map<String, JsonObject> modulesBefore = runtime.modules();

            long started = System.nanoTime();
            HttpAnswer refused = runtime.admin().postJar("/api/v1/modules", hanging);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(took.compareTo(BadModuleIT.ANSWER_LIMIT) < 0, "answered after " + took.toMillis() + " ms: " + refused);
            refused.assertProblem(422);
            assertTrue(refused.detail().contains("hanging") && refused.detail().contains("did not finish"), refused::toString);

            Map<String, JsonObject> modulesAfter = runtime.modules();
            modulesAfter.remove("hanging");
            assertEquals(modulesBefore, modulesAfter, "the other modules are as they were");
            HttpAnswer health = runtime.admin().get("/api/v1/health");
            if (health.status() != 200) {
                // The stuck activator may be reported until it returns, but nothing else may be.
                health.assertJson(503);
                for (String problem : health.strings("problems")) {
                    assertTrue(problem.startsWith("module hanging "), health::toString);
                }
            }

            runtime.admin().post("/api/v1/modules/example/disable").assertJson(200);
            runtime.admin().get("/api/v1/example/greeting").assertProblem(404);
            runtime.admin().post("/api/v1/modules/example/enable").assertJson(200);
            runtime.admin().get("/api/v1/example/greeting").assertJson(200);

            Path working = TestBundle.module("after-hang").activator(WorkingActivator.class).writeTo(jars, "after-hang.jar");
            runtime.admin().postJar("/api/v1/modules", working).assertJson(201);
            assertEquals("ENABLED", runtime.stateOf("after-hang"));
        }
    }

    @Test
    void aRefusedModuleIsRemovedOnceItsActivatorFinallyReturns(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("hanging-module-returns").start()) {
            // Longer than the runtime's 5 s limit for a start, short enough to wait for.
            Path slow = TestBundle.module("slow").header(HangingActivator.HANG_SECONDS_HEADER, "7")
                    .activator(HangingActivator.class).writeTo(jars, "slow.jar");

            runtime.admin().postJar("/api/v1/modules", slow).assertProblem(422);

            runtime.eventually(Duration.ofSeconds(10), "module 'slow' is gone", () -> runtime.stateOf("slow") == null);
            runtime.admin().get("/api/v1/health").assertJson(200);
            assertEquals(List.of("example", "kernel", "meetings", "membership", "security", "storage", "web", "workbench"), List.copyOf(runtime.modules().keySet()));
        }
    }

    @Test
    void aRefusedModuleIsRemovedAtTheNextStartIfTheRuntimeStoppedFirst(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("hanging-module-restart").start()) {
            Path hanging = TestBundle.module("stuck").activator(HangingActivator.class).writeTo(jars, "stuck.jar");
            runtime.admin().postJar("/api/v1/modules", hanging).assertProblem(422);
            assertEquals("FAILED", runtime.stateOf("stuck"), "still starting while its activator hangs");

            runtime.restart();

            assertEquals(null, runtime.stateOf("stuck"), "the refused install did not survive the restart");
            runtime.admin().get("/api/v1/health").assertJson(200);
            assertEquals(List.of("example", "kernel", "meetings", "membership", "security", "storage", "web", "workbench"), List.copyOf(runtime.modules().keySet()));
        }
    }
}
