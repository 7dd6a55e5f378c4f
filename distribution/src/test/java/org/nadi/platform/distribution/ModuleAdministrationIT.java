package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.nadi.platform.distribution.HttpAnswer.strings;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.google.gson.JsonObject;

/**
 * Reading the module registry and switching the example module off and on over REST, on one
 * runtime shared by the tests of this class; each test leaves the modules as it found them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ModuleAdministrationIT {

    private static final String GREETING = "/api/v1/example/greeting";

    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("administration").start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @AfterEach
    void exampleIsEnabledAgain() {
        runtime.admin().post("/api/v1/modules/example/enable").assertJson(200);
    }

    @Test
    void listsThePlatformModulesAndTheExampleWithTheirDependencies() {
        HttpAnswer answer = runtime.admin().get("/api/v1/modules").assertJson(200);
        Map<String, JsonObject> modules = runtime.modules();

        assertEquals(List.of("example", "kernel", "meetings", "membership", "security", "storage", "web", "workbench"), List.copyOf(modules.keySet()), answer::toString);
        for (JsonObject module : modules.values()) {
            for (String field : List.of("id", "name", "description", "version", "vendor", "core", "state", "reason", "requires",
                    "requiredBy")) {
                assertTrue(module.has(field), () -> "module " + module.get("id") + " has no field " + field + ": " + module);
            }
            assertEquals("ENABLED", module.get("state").getAsString(), module::toString);
            assertTrue(module.get("reason").isJsonNull(), module::toString);
            assertEquals("NADI Platform", module.get("vendor").getAsString(), module::toString);
            assertTrue(module.get("version").getAsString().startsWith("0.1.0"), module::toString);
        }
        assertTrue(modules.get("kernel").get("core").getAsBoolean());
        assertTrue(modules.get("web").get("core").getAsBoolean());
        assertTrue(modules.get("storage").get("core").getAsBoolean());
        assertTrue(modules.get("security").get("core").getAsBoolean());
        assertTrue(modules.get("workbench").get("core").getAsBoolean());
        assertFalse(modules.get("example").get("core").getAsBoolean());
        assertEquals("NADI Example Greeting", modules.get("example").get("name").getAsString());
        assertFalse(modules.get("example").get("description").getAsString().isBlank());

        assertFalse(modules.get("membership").get("core").getAsBoolean());
        assertEquals("NADI Membership", modules.get("membership").get("name").getAsString());
        assertFalse(modules.get("meetings").get("core").getAsBoolean());
        assertEquals("NADI Meetings", modules.get("meetings").get("name").getAsString());

        assertEquals(List.of("storage", "web"), strings(modules.get("example"), "requires"));
        assertEquals(List.of("kernel", "storage", "web"), strings(modules.get("membership"), "requires"));
        assertEquals(List.of("kernel", "membership", "storage", "web"), strings(modules.get("meetings"), "requires"));
        assertEquals(List.of("kernel"), strings(modules.get("web"), "requires"));
        assertEquals(List.of("kernel", "web"), strings(modules.get("storage"), "requires"));
        assertEquals(List.of("kernel", "storage", "web"), strings(modules.get("security"), "requires"));
        assertEquals(List.of("kernel", "web"), strings(modules.get("workbench"), "requires"));
        assertEquals(List.of(), strings(modules.get("kernel"), "requires"));
        assertEquals(List.of("meetings", "membership", "security", "storage", "web", "workbench"),
                strings(modules.get("kernel"), "requiredBy"));
        assertEquals(List.of("example", "meetings", "membership", "security", "storage", "workbench"),
                strings(modules.get("web"), "requiredBy"));
        assertEquals(List.of("example", "meetings", "membership", "security"), strings(modules.get("storage"), "requiredBy"));
        assertEquals(List.of(), strings(modules.get("security"), "requiredBy"));
        assertEquals(List.of(), strings(modules.get("workbench"), "requiredBy"));
        assertEquals(List.of(), strings(modules.get("example"), "requiredBy"));
        assertEquals(List.of("meetings"), strings(modules.get("membership"), "requiredBy"));
        assertEquals(List.of(), strings(modules.get("meetings"), "requiredBy"));
    }

    @Test
    void describesOneModuleById() {
        HttpAnswer answer = runtime.admin().get("/api/v1/modules/example").assertJson(200);

        assertEquals(runtime.modules().get("example"), answer.object(), answer::toString);
    }

    @Test
    void answersNotFoundForAnUnknownModule() {
        runtime.admin().get("/api/v1/modules/no-such-module").assertProblem(404);
        HttpAnswer enable = runtime.admin().post("/api/v1/modules/no-such-module/enable").assertProblem(404);
        assertTrue(enable.detail().contains("no-such-module"), enable::toString);
    }

    @Test
    void disablingExampleRemovesItsRouteAndEnablingBringsItBack() {
        runtime.admin().get(GREETING).assertJson(200);

        HttpAnswer disabled = runtime.admin().post("/api/v1/modules/example/disable").assertJson(200);
        assertEquals("DISABLED", disabled.object().get("state").getAsString(), disabled::toString);
        assertEquals("DISABLED", runtime.stateOf("example"));
        runtime.admin().get(GREETING).assertProblem(404);
        runtime.admin().get("/api/v1/health").assertJson(200);

        HttpAnswer enabled = runtime.admin().post("/api/v1/modules/example/enable").assertJson(200);
        assertEquals("ENABLED", enabled.object().get("state").getAsString(), enabled::toString);
        HttpAnswer greeting = runtime.admin().get(GREETING).assertJson(200);
        assertEquals("example", greeting.object().get("module").getAsString(), greeting::toString);
    }

    @Test
    void refusesToDisableTheCoreModules() {
        for (String core : List.of("kernel", "security", "storage", "web", "workbench")) {
            HttpAnswer refused = runtime.admin().post("/api/v1/modules/" + core + "/disable").assertProblem(409);
            assertTrue(refused.detail().contains("core"), refused::toString);
            assertEquals("ENABLED", runtime.stateOf(core));
        }
        runtime.admin().get("/api/v1/health").assertJson(200);
    }

    @Test
    void moduleAdministrationNeedsAnAdministratorFromWhereverTheyAre() throws SocketException {
        Optional<InetAddress> ownAddress = nonLoopbackAddressOfThisMachine();
        assumeTrue(ownAddress.isPresent(), "this machine has no non-loopback IPv4 address to call itself on");

        // The loopback-only rule of the first release is gone: an administrator is served from any address,
        runtime.admin().getVia(ownAddress.get(), "/api/v1/modules").assertJson(200);
        runtime.admin().getVia(ownAddress.get(), "/api/v1/modules/example").assertJson(200);
        // and being on loopback is no longer enough without signing in.
        HttpAnswer anonymous = runtime.anonymous().get("/api/v1/modules").assertProblem(401);
        assertTrue(anonymous.detail().contains("/api/v1/auth/login"), anonymous::toString);
        runtime.anonymous().getVia(ownAddress.get(), "/api/v1/health").assertJson(200);
    }

    /** An IPv4 address of one of this machine's own interfaces that is up and not loopback. */
    private static Optional<InetAddress> nonLoopbackAddressOfThisMachine() throws SocketException {
        for (NetworkInterface networkInterface : NetworkInterface.networkInterfaces().toList()) {
            if (!networkInterface.isUp() || networkInterface.isLoopback()) {
                continue;
            }
            Optional<InetAddress> address = networkInterface.inetAddresses()
                    .filter(candidate -> candidate instanceof Inet4Address && !candidate.isLoopbackAddress())
                    .findFirst();
            if (address.isPresent()) {
                return address;
            }
        }
        return Optional.empty();
    }
}
