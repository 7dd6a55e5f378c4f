package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nadi.platform.distribution.HttpAnswer.strings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

import com.google.gson.JsonObject;

/**
 * Dependencies between modules come from the real OSGi wiring: a module {@code dependent}
 * that imports the example module's API package needs the example, and the registry acts on
 * it when the example is disabled or the dependent enabled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ModuleDependenciesIT {

    private NadiRuntime runtime;

    @BeforeAll
    void startWithADependentModule(@TempDir Path jars) throws IOException {
        runtime = NadiRuntime.options().label("dependencies").start();
        Path dependent = TestBundle.module("dependent")
                .header("Import-Package", "org.nadi.platform.example.api;version=\"[1.0,2)\", org.osgi.framework")
                .activator(WorkingActivator.class)
                .writeTo(jars, "dependent.jar");
        runtime.admin().postJar("/api/v1/modules", dependent).assertJson(201);
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @AfterEach
    void bothAreEnabledAgain() {
        runtime.admin().post("/api/v1/modules/dependent/enable").assertJson(200);
        assertEquals("ENABLED", runtime.stateOf("example"));
    }

    @Test
    void aModuleImportingTheExampleApiRequiresTheExample() {
        Map<String, JsonObject> modules = runtime.modules();

        assertEquals(List.of("example"), strings(modules.get("dependent"), "requires"), modules::toString);
        assertEquals(List.of("dependent"), strings(modules.get("example"), "requiredBy"), modules::toString);
        assertEquals("ENABLED", modules.get("dependent").get("state").getAsString());
    }

    @Test
    void disablingAModuleOthersNeedIsRefusedWithTheirIds() {
        HttpAnswer refused = runtime.admin().post("/api/v1/modules/example/disable").assertProblem(409);

        assertEquals(List.of("dependent"), refused.strings("dependents"), refused::toString);
        assertTrue(refused.detail().contains("dependent"), refused::toString);
        assertEquals("ENABLED", runtime.stateOf("example"));
        assertEquals("ENABLED", runtime.stateOf("dependent"));
        runtime.admin().get("/api/v1/example/greeting").assertJson(200);
    }

    @Test
    void disablingWithCascadeAlsoDisablesTheDependents() {
        HttpAnswer disabled = runtime.admin().post("/api/v1/modules/example/disable?cascade=true").assertJson(200);

        assertEquals("DISABLED", disabled.object().get("state").getAsString(), disabled::toString);
        assertEquals("DISABLED", runtime.stateOf("example"));
        assertEquals("DISABLED", runtime.stateOf("dependent"));
        assertTrue(runtime.output().contains("fixture stopped: org.nadi.test.dependent"), "the dependent's activator was stopped");
        runtime.admin().get("/api/v1/health").assertJson(200);
    }

    @Test
    void enablingAModuleEnablesWhatItNeeds() {
        runtime.admin().post("/api/v1/modules/example/disable?cascade=true").assertJson(200);

        HttpAnswer enabled = runtime.admin().post("/api/v1/modules/dependent/enable").assertJson(200);

        assertEquals("ENABLED", enabled.object().get("state").getAsString(), enabled::toString);
        assertEquals("ENABLED", runtime.stateOf("example"));
        runtime.admin().get("/api/v1/example/greeting").assertJson(200);
    }
}
