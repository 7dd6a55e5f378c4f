package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

/** User administration through the routes, over a real database. */
@Timeout(120)
class UserResourceTest {

    private static final Caller ADMIN = new Caller("admin", Role.ADMINISTRATOR, Optional.empty());

    @TempDir
    Path folder;
    private TestStorage storage;
    private Accounts accounts;
    private TestRoutes routes;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.open(folder, "security", AccountsTest.MIGRATIONS);
        accounts = new Accounts(storage.database(), new InitialAdministrator(folder, Map.of(), new PrintStream(OutputStream.nullOutputStream())));
        routes = TestRoutes.of(new UserResource(accounts));
    }

    @AfterEach
    void stop() {
        accounts.stop();
        storage.close();
    }

    private ApiResponse create(Map<String, Object> body) throws ProblemException {
        return routes.call("POST /api/v1/users", new FakeRequest().by(ADMIN).body(body));
    }

    private ProblemException refusedCreate(Map<String, Object> body) {
        return assertThrows(ProblemException.class, () -> create(body));
    }

    private static Map<String, Object> withNull(String name, Object... namesAndValues) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, null);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    @Test
    void everyRouteIsForAdministrators() {
        for (String route : List.of("GET /api/v1/users", "GET /api/v1/users/{username}", "POST /api/v1/users",
                "PATCH /api/v1/users/{username}", "DELETE /api/v1/users/{username}")) {
            assertEquals(Access.role(Role.ADMINISTRATOR).toString(), routes.access(route).toString(), route);
        }
    }

    @Test
    void creatingAUserAnswersItsLocationAndETagAndAuditsNoPassword() throws Exception {
        FakeRequest request = new FakeRequest().by(ADMIN)
                .body(Map.of("username", "j.smith", "password", "a good password", "role", "delegate", "institution", "rsis"));

        ApiResponse answer = routes.call("POST /api/v1/users", request);

        assertEquals(201, answer.status());
        assertEquals("/api/v1/users/j.smith", answer.headers().get("Location"));
        assertEquals("\"1\"", answer.headers().get("ETag"));
        UserResource.UserView user = (UserResource.UserView) answer.body();
        assertEquals("delegate", user.role());
        assertEquals("rsis", user.institution());
        assertEquals(Map.of("role", "delegate", "institution", "rsis"), request.audited().get(0).get(3));
        assertEquals(409, refusedCreate(Map.of("username", "j.smith", "password", "a good password", "role", "observer")).status());
        ApiResponse read = routes.call("GET /api/v1/users/{username}", new FakeRequest().by(ADMIN).path("username", "j.smith"));
        assertEquals("\"1\"", read.headers().get("ETag"));
    }

    @Test
    void eachInvalidFieldIsRefusedSayingWhatIsWrong() {
        ProblemException role = refusedCreate(Map.of("username", "j.smith", "password", "a good password", "role", "boss"));
        assertEquals(400, role.status());
        assertTrue(role.detail().contains("observer, delegate, secretariat, administrator"), role.detail());
        assertTrue(refusedCreate(Map.of("username", "J Smith", "password", "a good password", "role", "observer")).detail()
                .contains("lower-case"));
        assertTrue(refusedCreate(Map.of("username", "j.smith", "password", "short", "role", "observer")).detail()
                .contains("8 to 128"));
        assertTrue(refusedCreate(Map.of("username", "j.smith", "password", "a good password", "role", "observer", "rol", "x"))
                .detail().contains("Unknown field 'rol'"));
        assertTrue(refusedCreate(Map.of("username", "j.smith", "password", 12345678, "role", "observer")).detail()
                .contains("must be a string"));
    }

    @Test
    void aChangeNeedsTheVersionReadAndNullOrEmptyClearsTheInstitution() throws Exception {
        create(Map.of("username", "j.smith", "password", "a good password", "role", "delegate", "institution", "rsis"));
        FakeRequest withoutVersion = new FakeRequest().by(ADMIN).path("username", "j.smith").body(Map.of("role", "observer"));
        assertEquals(428, assertThrows(ProblemException.class, () -> routes.call("PATCH /api/v1/users/{username}", withoutVersion))
                .status());

        FakeRequest clear = new FakeRequest().by(ADMIN).path("username", "j.smith").header("If-Match", "\"1\"")
                .body(withNull("institution"));
        ApiResponse changed = routes.call("PATCH /api/v1/users/{username}", clear);

        assertEquals("\"2\"", changed.headers().get("ETag"));
        assertNull(((UserResource.UserView) changed.body()).institution());
        assertEquals("delegate", ((UserResource.UserView) changed.body()).role());
        FakeRequest stale = new FakeRequest().by(ADMIN).path("username", "j.smith").header("If-Match", "\"1\"")
                .body(Map.of("institution", "other"));
        assertEquals(412, assertThrows(ProblemException.class, () -> routes.call("PATCH /api/v1/users/{username}", stale)).status());
        FakeRequest empty = new FakeRequest().by(ADMIN).path("username", "j.smith").header("If-Match", "\"2\"").body(Map.of());
        assertEquals(400, assertThrows(ProblemException.class, () -> routes.call("PATCH /api/v1/users/{username}", empty)).status());
        FakeRequest password = new FakeRequest().by(ADMIN).path("username", "j.smith").header("If-Match", "\"2\"")
                .body(Map.of("password", "a new good password", "institution", ""));
        routes.call("PATCH /api/v1/users/{username}", password);
        assertEquals(Map.of("role", "delegate", "passwordChanged", true), withoutNulls(password.audited().get(0).get(3)));
        assertTrue(accounts.checkPassword("j.smith", "a new good password").isPresent());
    }

    @Test
    void deletingOneselfOrAnUnknownUserIsRefused() throws Exception {
        accounts.list();
        FakeRequest self = new FakeRequest().by(ADMIN).path("username", "admin");
        assertEquals(409, assertThrows(ProblemException.class, () -> routes.call("DELETE /api/v1/users/{username}", self)).status());
        FakeRequest nobody = new FakeRequest().by(ADMIN).path("username", "nobody");
        assertEquals(404, assertThrows(ProblemException.class, () -> routes.call("DELETE /api/v1/users/{username}", nobody)).status());

        create(Map.of("username", "j.smith", "password", "a good password", "role", "delegate"));
        FakeRequest delete = new FakeRequest().by(ADMIN).path("username", "j.smith");
        assertEquals(204, routes.call("DELETE /api/v1/users/{username}", delete).status());
        assertNull(delete.audited().get(0).get(3));
        assertEquals(List.of("admin"), ((List<?>) routes.call("GET /api/v1/users", new FakeRequest().by(ADMIN)).body()).stream()
                .map(user -> ((UserResource.UserView) user).username()).toList());
    }

    private static Map<?, ?> withoutNulls(Object summary) {
        Map<Object, Object> present = new HashMap<>((Map<?, ?>) summary);
        present.values().removeIf(value -> value == null);
        return present;
    }
}
