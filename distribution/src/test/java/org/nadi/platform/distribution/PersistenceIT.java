package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/** What an administrator changed survives a restart of the runtime. */
@Timeout(90)
class PersistenceIT {

    @Test
    void disabledInstalledAndUninstalledModulesStaySoAfterARestart(@TempDir Path jars) throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("persistence").start()) {
            runtime.admin().post("/api/v1/modules/example/disable").assertJson(200);
            Path extension = TestBundle.module("extension").activator(WorkingActivator.class).writeTo(jars, "extension.jar");
            runtime.admin().postJar("/api/v1/modules", extension).assertJson(201);
            Path removed = TestBundle.module("removed").activator(WorkingActivator.class).writeTo(jars, "removed.jar");
            runtime.admin().postJar("/api/v1/modules", removed).assertJson(201);
            runtime.admin().delete("/api/v1/modules/removed").assertStatus(204);

            runtime.restart();

            Map<String, JsonObject> modules = runtime.modules();
            assertEquals(List.of("example", "extension", "kernel", "meetings", "membership", "security", "storage", "web", "workbench"), List.copyOf(modules.keySet()), modules::toString);
            JsonObject example = modules.get("example");
            assertEquals("DISABLED", example.get("state").getAsString(), example::toString);
            assertTrue(example.get("reason").isJsonNull(), example::toString);
            runtime.admin().get("/api/v1/example/greeting").assertProblem(404);
            assertEquals("ENABLED", modules.get("extension").get("state").getAsString(), modules::toString);
            assertFalse(modules.containsKey("removed"));
            String afterRestart = runtime.outputSinceStart();
            assertTrue(afterRestart.contains("fixture started: org.nadi.test.extension"), "the extension was started again");
            assertFalse(afterRestart.contains("fixture started: org.nadi.test.removed"), "the uninstalled module did not come back");
            runtime.admin().get("/api/v1/health").assertJson(200);

            // After the restart the disabled example can be enabled as before.
            runtime.admin().post("/api/v1/modules/example/enable").assertJson(200);
            runtime.admin().get("/api/v1/example/greeting").assertJson(200);
        }
    }

    @Test
    void anUninstalledPlatformModuleStaysGoneAndAnUploadedCopyOfItStartsAfterARestart() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("persistence-platform-module").start()) {
            Path shipped;
            try (Stream<Path> jars = Files.list(runtime.home().resolve("bundles"))) {
                shipped = jars.filter(jar -> jar.getFileName().toString().startsWith("example")).findFirst().orElseThrow();
            }
            runtime.admin().delete("/api/v1/modules/example?data=keep").assertStatus(204);

            runtime.restart();
            assertFalse(runtime.modules().containsKey("example"), "the launcher did not install the uninstalled module again");

            runtime.admin().postJar("/api/v1/modules", shipped).assertJson(201);
            runtime.restart();

            assertEquals("ENABLED", runtime.stateOf("example"), "the runtime starts with the uploaded copy");
            runtime.admin().get("/api/v1/example/greeting").assertJson(200);
        }
    }
}
