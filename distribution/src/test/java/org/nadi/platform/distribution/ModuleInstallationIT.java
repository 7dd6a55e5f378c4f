package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/**
 * Installing, updating and uninstalling institution modules over REST, on one runtime; every
 * test works with a module id of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ModuleInstallationIT {

    @TempDir
    Path jars;
    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("installation").start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void installsAJarSentAsTheRequestBody() throws IOException {
        Path jar = workingModule("uploaded").writeTo(jars, "uploaded.jar");

        HttpAnswer created = runtime.admin().postJar("/api/v1/modules", jar).assertJson(201);

        assertEquals("/api/v1/modules/uploaded", created.location(), created::toString);
        JsonObject module = created.object();
        assertEquals("uploaded", module.get("id").getAsString());
        assertEquals("ENABLED", module.get("state").getAsString());
        assertEquals("1.0.0", module.get("version").getAsString());
        assertEquals("Test module uploaded", module.get("name").getAsString());
        assertEquals("NADI integration tests", module.get("vendor").getAsString());
        assertFalse(module.get("core").getAsBoolean());
        assertTrue(runtime.output().contains("fixture started: org.nadi.test.uploaded 1.0.0"), "its activator ran");
        assertEquals(module, runtime.admin().get(created.location()).assertJson(200).object());
        runtime.admin().get("/api/v1/health").assertJson(200);
    }

    @Test
    void installsAJarUploadedAsMultipartFormData() throws IOException {
        Path jar = workingModule("from-browser").writeTo(jars, "from-browser.jar");

        HttpAnswer created = runtime.admin().postMultipart("/api/v1/modules", "file", jar).assertJson(201);

        assertEquals("/api/v1/modules/from-browser", created.location(), created::toString);
        assertEquals("ENABLED", runtime.stateOf("from-browser"));
    }

    @Test
    void refusesToInstallAModuleTwice() throws IOException {
        Path jar = workingModule("twice").writeTo(jars, "twice.jar");
        runtime.admin().postJar("/api/v1/modules", jar).assertJson(201);

        HttpAnswer again = runtime.admin().postJar("/api/v1/modules", jar).assertProblem(409);
        assertTrue(again.detail().contains("twice"), again::toString);

        Path otherVersion = workingModule("twice").version("2.0.0").writeTo(jars, "twice-2.jar");
        runtime.admin().postJar("/api/v1/modules", otherVersion).assertProblem(409);
        assertEquals("1.0.0", runtime.admin().get("/api/v1/modules/twice").object().get("version").getAsString());
    }

    @Test
    void updatingReplacesTheModuleWithTheNewVersion() throws IOException {
        runtime.admin().postJar("/api/v1/modules", workingModule("updated").writeTo(jars, "updated-1.jar")).assertJson(201);
        Path newer = workingModule("updated").version("1.1.0").writeTo(jars, "updated-1.1.jar");

        HttpAnswer updated = runtime.admin().putJar("/api/v1/modules/updated", newer).assertJson(200);

        assertEquals("1.1.0", updated.object().get("version").getAsString(), updated::toString);
        assertEquals("ENABLED", updated.object().get("state").getAsString(), updated::toString);
        assertEquals("1.1.0", runtime.admin().get("/api/v1/modules/updated").object().get("version").getAsString());
        assertTrue(runtime.output().contains("fixture started: org.nadi.test.updated 1.1.0"), "the new version's activator ran");
    }

    @Test
    void uninstallingRemovesTheModule() throws IOException {
        runtime.admin().postJar("/api/v1/modules", workingModule("removed").writeTo(jars, "removed.jar")).assertJson(201);

        HttpAnswer deleted = runtime.admin().delete("/api/v1/modules/removed");

        deleted.assertStatus(204);
        assertFalse(runtime.modules().containsKey("removed"));
        runtime.admin().get("/api/v1/modules/removed").assertProblem(404);
        assertTrue(runtime.output().contains("fixture stopped: org.nadi.test.removed"), "its activator was stopped");
        runtime.admin().delete("/api/v1/modules/removed").assertProblem(404);
    }

    @Test
    void refusesToUninstallTheCoreModules() {
        runtime.admin().delete("/api/v1/modules/kernel").assertProblem(409);
        runtime.admin().delete("/api/v1/modules/web").assertProblem(409);
        assertEquals("ENABLED", runtime.stateOf("kernel"));
        assertEquals("ENABLED", runtime.stateOf("web"));
    }

    private static TestBundle workingModule(String id) {
        return TestBundle.module(id).activator(WorkingActivator.class);
    }
}
