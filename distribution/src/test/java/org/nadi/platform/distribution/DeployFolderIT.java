package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.FailingComponent;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/** The hot-deploy folder: a module jar copied into {@code deploy/} is installed and enabled; deleting it uninstalls it. */
@Timeout(60)
class DeployFolderIT {

    /** FileInstall looks at the folder every second; a few seconds are what an administrator would wait. */
    private static final Duration NOTICED_WITHIN = Duration.ofSeconds(10);

    @Test
    void aJarCopiedIntoDeployIsEnabledAndDeletingItUninstallsIt(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("deploy-folder").start()) {
            Path jar = TestBundle.module("dropped").activator(WorkingActivator.class).writeTo(jars, "dropped.jar");

            Files.copy(jar, runtime.deployFolder().resolve("dropped.jar"));

            runtime.eventually(NOTICED_WITHIN, "module 'dropped' is ENABLED", () -> "ENABLED".equals(runtime.stateOf("dropped")));
            assertTrue(runtime.output().contains("fixture started: org.nadi.test.dropped"), "its activator ran");
            assertEquals("NADI integration tests", runtime.modules().get("dropped").get("vendor").getAsString());
            runtime.admin().get("/api/v1/health").assertJson(200);

            Files.delete(runtime.deployFolder().resolve("dropped.jar"));

            runtime.eventually(NOTICED_WITHIN, "module 'dropped' is gone", () -> runtime.stateOf("dropped") == null);
            assertTrue(runtime.output().contains("fixture stopped: org.nadi.test.dropped"), "its activator was stopped");
            runtime.admin().get("/api/v1/health").assertJson(200);
        }
    }

    @Test
    void uninstallingADeployedModuleDeletesItsJarSoItStaysGone(@TempDir Path jars) throws IOException, InterruptedException {
        try (NadiRuntime runtime = NadiRuntime.options().label("deploy-folder-uninstall").start()) {
            Path jar = TestBundle.module("dropped").activator(WorkingActivator.class).writeTo(jars, "dropped.jar");
            Path deployed = Files.copy(jar, runtime.deployFolder().resolve("dropped.jar"));
            runtime.eventually(NOTICED_WITHIN, "module 'dropped' is ENABLED", () -> "ENABLED".equals(runtime.stateOf("dropped")));

            runtime.admin().delete("/api/v1/modules/dropped").assertStatus(204);

            assertFalse(Files.exists(deployed), "the jar was deleted from deploy/, or FileInstall would install it again");
            // Long enough for FileInstall, which looks every second, to have brought it back if it could.
            Thread.sleep(2500);
            assertNull(runtime.stateOf("dropped"), runtime::output);
        }
    }

    @Test
    void aDeployedModuleWhoseComponentFailsIsFailedWithTheReasonAndHealthSaysSo(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("deploy-folder-failing").start()) {
            Path jar = TestBundle.module("broken-component").component(FailingComponent.class).writeTo(jars, "broken.jar");

            Files.copy(jar, runtime.deployFolder().resolve("broken.jar"));

            runtime.eventually(NOTICED_WITHIN, "module 'broken-component' is FAILED",
                    () -> "FAILED".equals(runtime.stateOf("broken-component")));
            JsonObject module = runtime.modules().get("broken-component");
            String reason = module.get("reason").getAsString();
            assertTrue(reason.contains("failed to activate") && reason.contains(FailingComponent.MESSAGE), reason);
            HttpAnswer health = runtime.admin().get("/api/v1/health");
            health.assertJson(503);
            assertEquals("DOWN", health.object().get("status").getAsString());
            assertEquals(1, health.strings("problems").size(), health::toString);
            assertTrue(health.strings("problems").get(0).startsWith("module broken-component is FAILED"), health::toString);
            assertEquals("ENABLED", runtime.stateOf("example"), "the other modules are unaffected");

            runtime.admin().post("/api/v1/modules/broken-component/disable").assertJson(200);

            assertEquals("DISABLED", runtime.stateOf("broken-component"));
            runtime.admin().get("/api/v1/health").assertJson(200);
        }
    }
}
