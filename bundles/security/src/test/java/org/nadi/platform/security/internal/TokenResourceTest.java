package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

/** Bearer tokens through the routes, over a real database. */
@Timeout(120)
class TokenResourceTest {

    private static final Caller ADMIN = new Caller("admin", Role.ADMINISTRATOR, Optional.empty());

    @TempDir
    Path folder;
    private TestStorage storage;
    private Accounts accounts;
    private TestRoutes routes;
    private Caller smith;
    private Caller tan;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.open(folder, "security", AccountsTest.MIGRATIONS);
        accounts = new Accounts(storage.database(), new InitialAdministrator(folder, Map.of(), new PrintStream(OutputStream.nullOutputStream())));
        routes = TestRoutes.of(new TokenResource(accounts));
        String hash = accounts.hash("a good password");
        smith = accounts.create("j.smith", hash, Role.DELEGATE, Optional.empty()).caller();
        tan = accounts.create("a.tan", hash, Role.OBSERVER, Optional.empty()).caller();
    }

    @AfterEach
    void stop() {
        accounts.stop();
        storage.close();
    }

    private TokenResource.CreatedToken create(Caller owner, String name) throws ProblemException {
        return (TokenResource.CreatedToken) routes.call("POST /api/v1/auth/tokens", new FakeRequest().by(owner).body(Map.of("name", name)))
                .body();
    }

    @Test
    void aTokenIsShownOnceAndListedWithoutItsSecret() throws Exception {
        FakeRequest request = new FakeRequest().by(smith).body(Map.of("name", "nightly report"));
        ApiResponse answer = routes.call("POST /api/v1/auth/tokens", request);
        TokenResource.CreatedToken created = (TokenResource.CreatedToken) answer.body();

        assertEquals(201, answer.status());
        assertEquals("/api/v1/auth/tokens/" + created.id(), answer.headers().get("Location"));
        assertTrue(created.token().startsWith("nadi_"));
        assertEquals(smith, accounts.tokenCaller(created.token()).orElseThrow());
        List<?> listed = (List<?>) routes.call("GET /api/v1/auth/tokens", new FakeRequest().by(smith)).body();
        assertEquals(1, listed.size());
        TokenResource.TokenView token = (TokenResource.TokenView) listed.get(0);
        assertEquals(List.of(created.id(), "nightly report", created.createdAt()), List.of(token.id(), token.name(), token.createdAt()));
        assertFalse(listed.toString().contains(created.token()));
        assertFalse(request.audited().toString().contains(created.token()));
        assertEquals(List.of(), routes.call("GET /api/v1/auth/tokens", new FakeRequest().by(tan)).body());
        assertEquals(400, assertThrows(ProblemException.class, () -> create(smith, " ")).status());
    }

    @Test
    void anotherUsersTokenIsNotFoundButAnAdministratorMayRevokeAnyone() throws Exception {
        TokenResource.CreatedToken created = create(smith, "script");
        String id = String.valueOf(created.id());

        for (String route : List.of("GET /api/v1/auth/tokens/{id}", "DELETE /api/v1/auth/tokens/{id}")) {
            ProblemException notYours = assertThrows(ProblemException.class, () -> routes.call(route, new FakeRequest().by(tan).path("id", id)));
            assertEquals(404, notYours.status(), route);
        }
        assertEquals(smith, accounts.tokenCaller(created.token()).orElseThrow());

        assertEquals(204, routes.call("DELETE /api/v1/auth/tokens/{id}", new FakeRequest().by(ADMIN).path("id", id)).status());

        assertEquals(Optional.empty(), accounts.tokenCaller(created.token()));
        assertEquals(404, assertThrows(ProblemException.class, () ->
                routes.call("DELETE /api/v1/auth/tokens/{id}", new FakeRequest().by(smith).path("id", id))).status());
        assertEquals(404, assertThrows(ProblemException.class, () ->
                routes.call("DELETE /api/v1/auth/tokens/{id}", new FakeRequest().by(smith).path("id", "abc"))).status());
    }

    @Test
    void aTokensUseIsShownAtOnceAndStoredLater() throws Exception {
        TokenResource.CreatedToken created = create(smith, "script");

        accounts.tokenCaller(created.token());

        TokenResource.TokenView listed = (TokenResource.TokenView) routes.call("GET /api/v1/auth/tokens/{id}",
                new FakeRequest().by(smith).path("id", String.valueOf(created.id()))).body();
        assertTrue(listed.lastUsedAt() != null && listed.lastUsedAt().compareTo(created.createdAt()) >= 0, listed.toString());
        accounts.stop();
        String stored = storage.database().read(connection -> {
            try (var query = connection.prepareStatement("SELECT last_used_at FROM security_tokens");
                    var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
        assertEquals(listed.lastUsedAt(), stored, "written when the module stops, if not before");
    }
}
