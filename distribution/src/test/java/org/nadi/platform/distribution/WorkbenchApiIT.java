package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The workbench's server side over HTTP, against the packaged runtime: the shell and the
 * modules' web folders, what each role is served, live changes over the event stream, and a
 * module whose contribution file is wrong. (What users see in a browser is WorkbenchIT's.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkbenchApiIT {

    private static final Duration LIVE = Duration.ofSeconds(2);
    private static final String GADGET_CONTRIBUTIONS = """
            {
              "views": [
                {"id": "gadgets", "title": "Gadgets", "icon": "plug", "route": "gadgets", "script": "gadgets.js", "role": "observer"},
                {"id": "vault", "title": "Vault", "route": "vault", "script": "gadgets.js", "role": "administrator"}
              ],
              "commands": [
                {"id": "open-vault", "label": "Open the vault", "role": "observer", "opens": {"view": "vault"}}
              ],
              "widgets": [
                {"id": "count", "title": "Gadgets", "script": "gadgets.js", "role": "delegate"}
              ]
            }
            """;

    @TempDir
    Path jars;
    private NadiRuntime runtime;
    private ApiClient delegate;

    @BeforeAll
    void start() throws IOException {
        // Frequent heartbeats, so that a stream whose caller signed out ends within the test's patience.
        runtime = NadiRuntime.options().label("workbench-api").conf("nadi.events.heartbeat.seconds", "1").start();
        delegate = Accounts.create(runtime, "delegate-one", "delegate", "khmer-institute");
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private Path gadget(String contributions) throws IOException {
        return TestBundle.module("gadget")
                .header("NADI-Workbench", "web/contributions.json")
                .resource("web/contributions.json", contributions)
                .resource("web/gadgets.js", "export function mount(element) { element.textContent = 'Gadgets here'; }\n")
                .writeTo(jars, "gadget-" + System.nanoTime() + ".jar");
    }

    private static List<String> keys(JsonObject workbench, String kind) {
        List<String> keys = new ArrayList<>();
        workbench.getAsJsonArray(kind).forEach(entry -> keys.add(entry.getAsJsonObject().get("key").getAsString()));
        return keys;
    }

    @Test
    void theShellIsServedToAnyoneWithRevalidationAndCompression() {
        HttpAnswer front = runtime.anonymous().get("/").assertStatus(200);
        assertTrue(front.contentType().startsWith("text/html"), front::toString);
        assertTrue(front.body().contains("/shell/"), "the front page loads the shell: " + front.body());
        assertTrue(front.header("Content-Security-Policy").contains("default-src 'self'"), front::toString);

        HttpAnswer schema = runtime.anonymous().get("/shell/contributions.schema.json").assertStatus(200);
        String etag = schema.header("ETag");
        assertNotNull(etag, schema::toString);
        assertEquals("no-cache", schema.header("Cache-Control"));
        runtime.anonymous().withHeader("If-None-Match", etag).get("/shell/contributions.schema.json").assertStatus(304);
        HttpAnswer gzipped = runtime.anonymous().withHeader("Accept-Encoding", "gzip").get("/shell/contributions.schema.json")
                .assertStatus(200);
        assertEquals("gzip", gzipped.header("Content-Encoding"), gzipped::toString);
        assertFalse(etag.equals(gzipped.header("ETag")), "each encoding has its own ETag");
    }

    @Test
    void pathsOutsideTheFoldersAreNotFoundAndFilesCanOnlyBeRead() {
        for (String path : List.of("/nothing-here", "/shell/../bnd.bnd", "/shell/.hidden.js", "/shell/missing.js",
                "/modules/no-such-module/view.js", "/OSGI-INF/org.nadi.platform.workbench.internal.Workbench.xml")) {
            runtime.admin().get(path).assertProblem(404);
        }
        HttpAnswer post = runtime.admin().post("/shell/contributions.schema.json").assertProblem(405);
        assertEquals("GET, HEAD", post.header("Allow"));
    }

    @Test
    void aModulesContributionsComeAndGoLiveWithTheModuleAndItsFolderWithThem() throws Exception {
        try (EventStreamReader admin = runtime.admin().events("/api/v1/workbench/events");
                EventStreamReader delegateStream = delegate.events("/api/v1/workbench/events")) {
            assertEquals(200, admin.status());
            assertTrue(admin.contentType().startsWith("text/event-stream"), admin.contentType());
            admin.next("workbench", LIVE);
            delegateStream.next("workbench", LIVE);

            runtime.admin().postJar("/api/v1/modules", gadget(GADGET_CONTRIBUTIONS)).assertJson(201);
            try {
                JsonObject shown = nextWith(admin, "gadget.gadgets", true);
                assertEquals(List.of("gadget.open-vault"), keys(shown, "commands").stream().filter(key -> key.startsWith("gadget.")).toList());
                JsonObject view = shown.getAsJsonArray("views").asList().stream().map(JsonElement::getAsJsonObject)
                        .filter(entry -> entry.get("key").getAsString().equals("gadget.gadgets")).findFirst().orElseThrow();
                assertEquals("gadget/gadgets", view.get("route").getAsString());
                assertTrue(view.get("script").getAsString().matches("/modules/gadget/gadgets\\.js\\?v=[0-9a-z]+"), view::toString);
                assertEquals("General", view.get("group").getAsString());

                // The delegate sees the observers' view and the delegates' widget, not the administrators' view nor
                // the command that opens it.
                JsonObject delegateView = nextWith(delegateStream, "gadget.gadgets", true);
                assertFalse(keys(delegateView, "views").contains("gadget.vault"), delegateView::toString);
                assertFalse(keys(delegateView, "commands").contains("gadget.open-vault"), delegateView::toString);
                assertTrue(keys(delegateView, "widgets").contains("gadget.count"), delegateView::toString);
                assertEquals(delegateView.get("views"), delegate.get("/api/v1/workbench").assertJson(200).object().get("views"));

                HttpAnswer script = delegate.get("/modules/gadget/gadgets.js").assertStatus(200);
                assertTrue(script.contentType().startsWith("text/javascript"), script::toString);
                assertTrue(script.body().contains("Gadgets here"));
                runtime.anonymous().get("/modules/gadget/gadgets.js").assertProblem(401);

                assertTrue(admin.receives("modules", LIVE), "administrators hear of module changes");
                runtime.admin().post("/api/v1/modules/gadget/disable").assertJson(200);
                nextWith(admin, "gadget.gadgets", false);
                runtime.admin().get("/modules/gadget/gadgets.js").assertProblem(404);

                runtime.admin().post("/api/v1/modules/gadget/enable").assertJson(200);
                nextWith(admin, "gadget.gadgets", true);
                runtime.admin().get("/modules/gadget/gadgets.js").assertStatus(200);
            } finally {
                runtime.admin().delete("/api/v1/modules/gadget").assertStatus(204);
            }
            nextWith(admin, "gadget.gadgets", false);
            assertFalse(delegateStream.receives("modules", Duration.ofMillis(500)), "only administrators hear of module changes");
        }
    }

    /** The next workbench event that has, or has not, the view with this key; fails after {@link #LIVE}. */
    private static JsonObject nextWith(EventStreamReader stream, String viewKey, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            JsonObject workbench = stream.next("workbench", left).data().getAsJsonObject();
            if (keys(workbench, "views").contains(viewKey) == present) {
                return workbench;
            }
        }
    }

    @Test
    void aStreamEndsWhenItsCallerSignsOutOrTheirRoleChanges() throws Exception {
        Accounts.create(runtime, "observer-one", "observer", null);
        ApiClient observer = runtime.signIn("observer-one", Accounts.passwordOf("observer-one"));
        try (EventStreamReader stream = observer.events("/api/v1/workbench/events")) {
            stream.next("workbench", LIVE);
            String etag = runtime.admin().get("/api/v1/users/observer-one").assertJson(200).etag();
            runtime.admin().patchJson("/api/v1/users/observer-one", "{\"role\": \"delegate\"}", etag).assertJson(200);
            assertTrue(stream.ends(Duration.ofSeconds(5)), "the stream ends when the role changes");
        }
        ApiClient signedIn = runtime.signIn("observer-one", Accounts.passwordOf("observer-one"));
        try (EventStreamReader stream = signedIn.events("/api/v1/workbench/events")) {
            assertEquals(200, stream.status());
            stream.next("workbench", LIVE);
            signedIn.post("/api/v1/auth/logout").assertStatus(204);
            assertTrue(stream.ends(Duration.ofSeconds(5)), "the stream ends when its session does");
        }
    }

    @Test
    void aModuleWithAWrongContributionFileIsRefusedWithTheFileAndTheProblem() throws Exception {
        String before = runtime.admin().get("/api/v1/workbench").assertJson(200).body();
        Path jar = gadget(GADGET_CONTRIBUTIONS.replace("\"script\": \"gadgets.js\", \"role\": \"administrator\"",
                "\"script\": \"vault.js\", \"role\": \"administrator\""));

        HttpAnswer refused = runtime.admin().postJar("/api/v1/modules", jar).assertProblem(422);

        assertTrue(refused.detail().contains("web/contributions.json: views[1].script 'vault.js' is not in the bundle"),
                refused::toString);
        assertFalse(runtime.modules().containsKey("gadget"), "the refused module is not left behind");
        assertEquals(before, runtime.admin().get("/api/v1/workbench").assertJson(200).body(), "nothing else changed");
    }

    @Test
    void everyContributedScriptIsThereAndEveryCommandAsksForTheRoleItsRouteNeeds() {
        JsonObject workbench = runtime.admin().get("/api/v1/workbench").assertJson(200).object();
        for (String kind : List.of("views", "widgets")) {
            for (JsonElement entry : workbench.getAsJsonArray(kind)) {
                String script = entry.getAsJsonObject().get("script").getAsString();
                runtime.admin().get(script).assertStatus(200);
            }
        }
        Map<String, String> routeRoles = new HashMap<>();
        for (JsonElement route : runtime.admin().get("/api/v1/routes").assertJson(200).json().getAsJsonArray()) {
            JsonObject described = route.getAsJsonObject();
            routeRoles.put(described.get("method").getAsString() + " " + described.get("path").getAsString(),
                    described.get("access").getAsString());
        }
        for (JsonElement entry : workbench.getAsJsonArray("commands")) {
            JsonObject command = entry.getAsJsonObject();
            if (command.get("calls").isJsonNull()) {
                continue;
            }
            JsonObject call = command.getAsJsonObject("calls");
            String request = call.get("method").getAsString() + " " + call.get("path").getAsString();
            String role = routeRoles.entrySet().stream()
                    .filter(route -> request.matches(route.getKey().replaceAll("\\{[^/]+}", "[^/]+")))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError("command " + command.get("key") + " calls " + request + ", which no route serves"));
            assertEquals(role, command.get("role").getAsString(), "command " + command.get("key") + " calls " + request);
        }
    }
}
