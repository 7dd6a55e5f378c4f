package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.UndeclaredRouteActivator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Deny by default: every route the runtime serves, called by every role and by an anonymous
 * client, answers what the route's declared role allows; a route that declares no role is
 * refused to everyone; and a delegate changes only their own institution's records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class AuthorizationIT {

    /** Who calls, from the least to the most trusted. */
    private static final List<String> CALLERS = List.of("anonymous", "observer", "delegate", "secretariat", "administrator");

    /**
     * One route of the matrix: the template {@code GET /api/v1/routes} lists, the request the
     * test sends (chosen so that an admitted caller changes nothing that matters: unknown ids,
     * invalid bodies), and the least role that is admitted.
     */
    private record Route(String method, String template, String path, String jsonBody, String leastRole) {
        String key() {
            return method + " " + template;
        }
    }

    private static final List<Route> MATRIX = List.of(
            new Route("GET", "/api/v1/health", "/api/v1/health", null, "anonymous"),
            new Route("GET", "/api/v1/example/greeting", "/api/v1/example/greeting", null, "anonymous"),
            new Route("POST", "/api/v1/auth/login", "/api/v1/auth/login", "{}", "anonymous"),
            new Route("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", null, "observer"),
            new Route("GET", "/api/v1/auth/me", "/api/v1/auth/me", null, "observer"),
            new Route("POST", "/api/v1/auth/password", "/api/v1/auth/password", "{}", "observer"),
            new Route("POST", "/api/v1/auth/tokens", "/api/v1/auth/tokens", "{\"name\": \"\"}", "observer"),
            new Route("GET", "/api/v1/auth/tokens", "/api/v1/auth/tokens", null, "observer"),
            new Route("GET", "/api/v1/auth/tokens/{id}", "/api/v1/auth/tokens/999999", null, "observer"),
            new Route("DELETE", "/api/v1/auth/tokens/{id}", "/api/v1/auth/tokens/999999", null, "observer"),
            new Route("GET", "/api/v1/example/notes", "/api/v1/example/notes", null, "observer"),
            new Route("GET", "/api/v1/example/notes/{id}", "/api/v1/example/notes/999999", null, "observer"),
            new Route("POST", "/api/v1/example/notes", "/api/v1/example/notes", "{\"text\": \"\"}", "delegate"),
            new Route("PUT", "/api/v1/example/notes/{id}", "/api/v1/example/notes/999999", "{\"text\": \"x\"}", "delegate"),
            new Route("GET", "/api/v1/routes", "/api/v1/routes", null, "administrator"),
            new Route("GET", "/api/v1/modules", "/api/v1/modules", null, "administrator"),
            new Route("POST", "/api/v1/modules", "/api/v1/modules", "{}", "administrator"),
            new Route("GET", "/api/v1/modules/{id}", "/api/v1/modules/no-such-module", null, "administrator"),
            new Route("PUT", "/api/v1/modules/{id}", "/api/v1/modules/no-such-module", "{}", "administrator"),
            new Route("DELETE", "/api/v1/modules/{id}", "/api/v1/modules/no-such-module", null, "administrator"),
            new Route("POST", "/api/v1/modules/{id}/enable", "/api/v1/modules/no-such-module/enable", null, "administrator"),
            new Route("POST", "/api/v1/modules/{id}/disable", "/api/v1/modules/no-such-module/disable", null, "administrator"),
            new Route("POST", "/api/v1/storage/backup", "/api/v1/storage/backup", null, "administrator"),
            new Route("POST", "/api/v1/storage/restore", "/api/v1/storage/restore", "{}", "administrator"),
            new Route("GET", "/api/v1/users", "/api/v1/users", null, "administrator"),
            new Route("POST", "/api/v1/users", "/api/v1/users", "{}", "administrator"),
            new Route("GET", "/api/v1/users/{username}", "/api/v1/users/nobody", null, "administrator"),
            new Route("PATCH", "/api/v1/users/{username}", "/api/v1/users/nobody", "{}", "administrator"),
            new Route("DELETE", "/api/v1/users/{username}", "/api/v1/users/nobody", null, "administrator"),
            new Route("GET", "/api/v1/audit", "/api/v1/audit", null, "administrator"),
            new Route("GET", "/api/v1/workbench", "/api/v1/workbench", null, "observer"),
            new Route("GET", "/api/v1/workbench/events", "/api/v1/workbench/events", null, "observer"),
            new Route("GET", "/api/v1/membership/countries", "/api/v1/membership/countries", null, "observer"),
            new Route("POST", "/api/v1/membership/countries", "/api/v1/membership/countries", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/countries/{code}", "/api/v1/membership/countries/ZZ", null, "observer"),
            new Route("PUT", "/api/v1/membership/countries/{code}", "/api/v1/membership/countries/ZZ", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/membership/countries/{code}", "/api/v1/membership/countries/ZZ", null, "secretariat"),
            new Route("GET", "/api/v1/membership/bodies", "/api/v1/membership/bodies", null, "observer"),
            new Route("POST", "/api/v1/membership/bodies", "/api/v1/membership/bodies", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/bodies/{id}", "/api/v1/membership/bodies/no-such-body", null, "observer"),
            new Route("PUT", "/api/v1/membership/bodies/{id}", "/api/v1/membership/bodies/no-such-body", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/membership/bodies/{id}", "/api/v1/membership/bodies/no-such-body", null, "secretariat"),
            new Route("GET", "/api/v1/membership/institutions", "/api/v1/membership/institutions", null, "observer"),
            new Route("POST", "/api/v1/membership/institutions", "/api/v1/membership/institutions", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/institutions/{id}", "/api/v1/membership/institutions/no-such-institution", null, "observer"),
            new Route("PUT", "/api/v1/membership/institutions/{id}", "/api/v1/membership/institutions/no-such-institution", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/membership/institutions/{id}", "/api/v1/membership/institutions/no-such-institution", null, "secretariat"),
            new Route("GET", "/api/v1/membership/people", "/api/v1/membership/people", null, "observer"),
            new Route("POST", "/api/v1/membership/people", "/api/v1/membership/people", "{}", "delegate"),
            new Route("GET", "/api/v1/membership/people/{id}", "/api/v1/membership/people/no-such-person", null, "observer"),
            new Route("PUT", "/api/v1/membership/people/{id}", "/api/v1/membership/people/no-such-person", "{}", "delegate"),
            new Route("DELETE", "/api/v1/membership/people/{id}", "/api/v1/membership/people/no-such-person", null, "delegate"),
            new Route("GET", "/api/v1/membership/memberships", "/api/v1/membership/memberships", null, "observer"),
            new Route("POST", "/api/v1/membership/memberships", "/api/v1/membership/memberships", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/memberships/{id}", "/api/v1/membership/memberships/999999", null, "observer"),
            new Route("PUT", "/api/v1/membership/memberships/{id}", "/api/v1/membership/memberships/999999", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/membership/memberships/{id}", "/api/v1/membership/memberships/999999", null, "secretariat"),
            new Route("GET", "/api/v1/membership/cochairs", "/api/v1/membership/cochairs", null, "observer"),
            new Route("POST", "/api/v1/membership/cochairs", "/api/v1/membership/cochairs", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/cochairs/{id}", "/api/v1/membership/cochairs/999999", null, "observer"),
            new Route("PUT", "/api/v1/membership/cochairs/{id}", "/api/v1/membership/cochairs/999999", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/membership/cochairs/{id}", "/api/v1/membership/cochairs/999999", null, "secretariat"),
            new Route("GET", "/api/v1/membership/people.csv", "/api/v1/membership/people.csv", null, "observer"),
            new Route("POST", "/api/v1/membership/people.csv", "/api/v1/membership/people.csv", "{}", "secretariat"),
            new Route("GET", "/api/v1/membership/institutions.csv", "/api/v1/membership/institutions.csv", null, "observer"),
            new Route("POST", "/api/v1/membership/institutions.csv", "/api/v1/membership/institutions.csv", "{}", "secretariat"),
            new Route("GET", "/api/v1/meetings", "/api/v1/meetings", null, "observer"),
            new Route("POST", "/api/v1/meetings", "/api/v1/meetings", "{}", "secretariat"),
            new Route("GET", "/api/v1/meetings/{id}", "/api/v1/meetings/no-such-meeting", null, "observer"),
            new Route("PUT", "/api/v1/meetings/{id}", "/api/v1/meetings/no-such-meeting", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/meetings/{id}", "/api/v1/meetings/no-such-meeting", null, "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/agenda", "/api/v1/meetings/no-such-meeting/agenda", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/programme", "/api/v1/meetings/no-such-meeting/programme", "{}", "secretariat"),
            new Route("POST", "/api/v1/meetings/{id}/participants", "/api/v1/meetings/no-such-meeting/participants", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/participants/{pid}", "/api/v1/meetings/no-such-meeting/participants/999999", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/meetings/{id}/participants/{pid}", "/api/v1/meetings/no-such-meeting/participants/999999", null, "secretariat"),
            new Route("POST", "/api/v1/meetings/{id}/proceedings", "/api/v1/meetings/no-such-meeting/proceedings", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/proceedings/order", "/api/v1/meetings/no-such-meeting/proceedings/order", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/proceedings/{itemId}", "/api/v1/meetings/no-such-meeting/proceedings/999999", "{}", "delegate"),
            new Route("DELETE", "/api/v1/meetings/{id}/proceedings/{itemId}", "/api/v1/meetings/no-such-meeting/proceedings/999999", null, "secretariat"),
            new Route("POST", "/api/v1/meetings/{id}/recommendations", "/api/v1/meetings/no-such-meeting/recommendations", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/recommendations/order", "/api/v1/meetings/no-such-meeting/recommendations/order", "{}", "secretariat"),
            new Route("PUT", "/api/v1/meetings/{id}/recommendations/{rid}", "/api/v1/meetings/no-such-meeting/recommendations/no-such-recommendation", "{}", "secretariat"),
            new Route("DELETE", "/api/v1/meetings/{id}/recommendations/{rid}", "/api/v1/meetings/no-such-meeting/recommendations/no-such-recommendation", null, "secretariat"),
            new Route("GET", "/api/v1/meetings/{id}/comments", "/api/v1/meetings/no-such-meeting/comments", null, "observer"),
            new Route("POST", "/api/v1/meetings/{id}/comments", "/api/v1/meetings/no-such-meeting/comments", "{}", "delegate"),
            new Route("GET", "/api/v1/recommendations", "/api/v1/recommendations", null, "observer"),
            new Route("GET", "/api/v1/recommendations/{rid}", "/api/v1/recommendations/no-such-recommendation", null, "observer"),
            new Route("POST", "/api/v1/recommendations/{rid}/history", "/api/v1/recommendations/no-such-recommendation/history", "{}", "secretariat"),
            // Admitted, this loads the shipped reference data: harmless, since loading is idempotent.
            new Route("POST", "/api/v1/membership/reference-data", "/api/v1/membership/reference-data", null, "secretariat"));

    private NadiRuntime runtime;
    private final Map<String, ApiClient> clients = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("authorization").start();
        clients.put("anonymous", runtime.anonymous());
        clients.put("administrator", runtime.admin());
        for (String role : List.of("observer", "delegate", "secretariat")) {
            clients.put(role, Accounts.create(runtime, role + "-one", role, role.equals("delegate") ? "khmer-institute" : null));
        }
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void everyRouteAnswersEachCallerAsItsRoleAllows() {
        List<String> wrong = new ArrayList<>();
        for (Route route : MATRIX) {
            for (String caller : CALLERS) {
                HttpAnswer answer = send(clients.get(caller), route);
                boolean admitted = CALLERS.indexOf(caller) >= CALLERS.indexOf(route.leastRole());
                int refusal = caller.equals("anonymous") ? 401 : 403;
                boolean asExpected = admitted
                        ? answer.status() != 401 && answer.status() != 403 && answer.status() < 500
                        : answer.status() == refusal && answer.contentType().startsWith("application/problem+json");
                if (!asExpected) {
                    wrong.add(caller + " → " + route.key() + ": expected " + (admitted ? "to be admitted" : refusal) + ", got "
                            + answer.status() + " " + answer.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " answers differ from the matrix:\n" + String.join("\n", wrong));
    }

    @Test
    void theMatrixCoversEveryRouteTheRuntimeServes() {
        Set<String> served = new TreeSet<>();
        Map<String, String> accessByRoute = new LinkedHashMap<>();
        for (JsonElement element : runtime.admin().get("/api/v1/routes").assertJson(200).json().getAsJsonArray()) {
            JsonObject route = element.getAsJsonObject();
            String key = route.get("method").getAsString() + " " + route.get("path").getAsString();
            served.add(key);
            accessByRoute.put(key, route.get("access").getAsString());
        }
        Set<String> tested = new TreeSet<>();
        MATRIX.forEach(route -> tested.add(route.key()));
        assertEquals(tested, served, "a route was added or removed: add it to the matrix with the role it needs");
        for (Route route : MATRIX) {
            String declared = route.leastRole().equals("anonymous") ? "anyone" : route.leastRole();
            assertEquals(declared, accessByRoute.get(route.key()), route::key);
        }
    }

    @Test
    void aRouteThatDeclaresNoRoleIsRefusedToEveryone(@TempDir Path jars) throws IOException {
        Path jar = TestBundle.module("undeclared").header("Import-Package", UndeclaredRouteActivator.IMPORTS)
                .activator(UndeclaredRouteActivator.class).writeTo(jars, "undeclared.jar");
        runtime.admin().postJar("/api/v1/modules", jar).assertJson(201);
        try {
            for (String caller : CALLERS) {
                HttpAnswer refused = clients.get(caller).get(UndeclaredRouteActivator.PATH).assertProblem(403);
                assertTrue(refused.detail().contains("undeclared") && refused.detail().contains("declares no"), refused::toString);
                assertTrue(!refused.body().contains("should never be seen"), refused::toString);
            }
        } finally {
            runtime.admin().delete("/api/v1/modules/undeclared").assertStatus(204);
        }
    }

    @Test
    void aDelegateChangesOnlyTheirOwnInstitutionsNotes() {
        ApiClient ownDelegate = clients.get("delegate");
        ApiClient otherDelegate = Accounts.create(runtime, "delegate-two", "delegate", "rsis");
        HttpAnswer created = ownDelegate.postJson("/api/v1/example/notes", "{\"text\": \"from Phnom Penh\"}").assertJson(201);
        assertEquals("khmer-institute", created.object().get("institution").getAsString(), created::toString);
        String note = created.location();

        HttpAnswer refused = otherDelegate.putJson(note, "{\"text\": \"overwritten\"}", created.etag()).assertProblem(403);
        assertTrue(refused.detail().contains("khmer-institute") && refused.detail().contains("rsis"), refused::toString);
        clients.get("observer").putJson(note, "{\"text\": \"overwritten\"}", created.etag()).assertProblem(403);
        assertEquals("from Phnom Penh", runtime.admin().get(note).assertJson(200).object().get("text").getAsString());

        HttpAnswer own = ownDelegate.putJson(note, "{\"text\": \"from Phnom Penh, revised\"}", created.etag()).assertJson(200);
        clients.get("secretariat").putJson(note, "{\"text\": \"edited by the secretariat\"}", own.etag()).assertJson(200);
    }

    private static HttpAnswer send(ApiClient client, Route route) {
        if (route.jsonBody() == null) {
            return switch (route.method()) {
                case "GET" -> route.path().endsWith("/events") ? client.firstEvent(route.path()) : client.get(route.path());
                case "POST" -> client.post(route.path());
                case "DELETE" -> client.delete(route.path());
                default -> throw new IllegalArgumentException(route.method());
            };
        }
        return client.send(route.method(), route.path(), "application/json", route.jsonBody().getBytes(StandardCharsets.UTF_8));
    }
}
