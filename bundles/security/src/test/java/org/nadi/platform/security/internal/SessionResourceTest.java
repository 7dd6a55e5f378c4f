package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

/** Signing in and out through the routes, over a real database. */
@Timeout(120)
class SessionResourceTest {

    private static final String LOGIN = "POST /api/v1/auth/login";
    private static final String PASSWORD = "a good password";

    @TempDir
    Path folder;
    private TestStorage storage;
    private Accounts accounts;
    private TestRoutes routes;
    private Account smith;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.open(folder, "security", AccountsTest.MIGRATIONS);
        accounts = new Accounts(storage.database(), new InitialAdministrator(folder, Map.of(), new PrintStream(OutputStream.nullOutputStream())));
        routes = TestRoutes.of(new SessionResource(accounts));
        smith = accounts.create("j.smith", accounts.hash(PASSWORD), Role.DELEGATE, Optional.of("rsis"));
    }

    @AfterEach
    void stop() {
        accounts.stop();
        storage.close();
    }

    private static FakeRequest login(String username, String password) {
        return new FakeRequest().body(Map.of("username", username, "password", password));
    }

    @Test
    void signingInSetsAStrictHttpOnlySessionCookieAndAnswersTheCsrfToken() throws Exception {
        FakeRequest request = login("j.smith", PASSWORD);
        ApiResponse answer = routes.call(LOGIN, request);

        assertEquals(200, answer.status());
        SessionResource.SignedIn signedIn = (SessionResource.SignedIn) answer.body();
        assertEquals(new SessionResource.SignedIn("j.smith", "delegate", "rsis", signedIn.csrfToken()), signedIn);
        String cookie = answer.headers().get("Set-Cookie");
        assertTrue(cookie.matches("nadi_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict"), cookie);
        String sessionId = cookie.substring("nadi_session=".length(), cookie.indexOf(';'));
        assertEquals(signedIn.csrfToken(), accounts.session(sessionId).orElseThrow().session().csrfToken());
        assertEquals(List.of(Arrays.asList("session", "j.smith", null, Map.of("signedIn", true))), request.audited());
        assertTrue(routes.call(LOGIN, login("j.smith", PASSWORD).overHttps()).headers().get("Set-Cookie").endsWith("; Secure"));
        assertEquals(Access.ANYONE, routes.access(LOGIN));
    }

    @Test
    void signingInAgainEndsTheSessionTheClientHad() throws Exception {
        String first = sessionIdOf(routes.call(LOGIN, login("j.smith", PASSWORD)));

        String second = sessionIdOf(routes.call(LOGIN, login("J.Smith ", PASSWORD).header("Cookie", "nadi_session=" + first)));

        assertNotEquals(first, second);
        assertEquals(Optional.empty(), accounts.session(first));
        assertTrue(accounts.session(second).isPresent());
    }

    @Test
    void aWrongPasswordAndAnUnknownUsernameGetTheSameAnswer() {
        ProblemException wrongPassword = assertThrows(ProblemException.class, () -> routes.call(LOGIN, login("j.smith", "not the password")));
        ProblemException unknownUser = assertThrows(ProblemException.class, () -> routes.call(LOGIN, login("nobody", PASSWORD)));

        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.detail(), unknownUser.detail());
        assertEquals(400, assertThrows(ProblemException.class, () -> routes.call(LOGIN, new FakeRequest().body(Map.of("username", "x"))))
                .status());
    }

    @Test
    void afterFiveWrongPasswordsTheNextAttemptWaitsWithoutCheckingThePassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, assertThrows(ProblemException.class, () -> routes.call(LOGIN, login("j.smith", "guess"))).status());
        }

        ProblemException throttled = assertThrows(ProblemException.class, () -> routes.call(LOGIN, login("j.smith", PASSWORD)));

        assertEquals(429, throttled.status());
        assertEquals("30", throttled.headers().get("Retry-After"));
        assertEquals(429, assertThrows(ProblemException.class, () -> routes.call(LOGIN, login("j.smith", PASSWORD)
                .from("198.51.100.1"))).status(), "the username waits, from every address");
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() throws Exception {
        String sessionId = sessionIdOf(routes.call(LOGIN, login("j.smith", PASSWORD)));

        ApiResponse answer = routes.call("POST /api/v1/auth/logout",
                new FakeRequest().by(smith.caller()).header("Cookie", "nadi_session=" + sessionId));

        assertEquals(204, answer.status());
        assertTrue(answer.headers().get("Set-Cookie").contains("Max-Age=0"));
        assertEquals(Optional.empty(), accounts.session(sessionId));
    }

    @Test
    void signingOutWithABearerTokenSaysHowToRevokeIt() {
        ProblemException refused = assertThrows(ProblemException.class, () -> routes.call("POST /api/v1/auth/logout",
                new FakeRequest().by(smith.caller()).header("Authorization", "Bearer nadi_x")));

        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("DELETE /api/v1/auth/tokens/{id}"), refused.detail());
    }

    @Test
    void meAnswersTheCsrfTokenOfASessionAndNoneForAToken() throws Exception {
        ApiResponse signIn = routes.call(LOGIN, login("j.smith", PASSWORD));
        String csrf = ((SessionResource.SignedIn) signIn.body()).csrfToken();

        SessionResource.SignedIn bySession = (SessionResource.SignedIn) routes.call("GET /api/v1/auth/me",
                new FakeRequest().by(smith.caller()).header("Cookie", "nadi_session=" + sessionIdOf(signIn))).body();
        SessionResource.SignedIn byToken = (SessionResource.SignedIn) routes.call("GET /api/v1/auth/me",
                new FakeRequest().by(smith.caller()).header("Authorization", "Bearer nadi_x")).body();

        assertEquals(csrf, bySession.csrfToken());
        assertNull(byToken.csrfToken());
        assertEquals("rsis", byToken.institution());
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        String current = sessionIdOf(routes.call(LOGIN, login("j.smith", PASSWORD)));
        String other = sessionIdOf(routes.call(LOGIN, login("j.smith", PASSWORD)));
        FakeRequest wrong = new FakeRequest().by(smith.caller()).header("Cookie", "nadi_session=" + current)
                .body(Map.of("currentPassword", "not it", "newPassword", "a better password"));
        assertEquals(401, assertThrows(ProblemException.class, () -> routes.call("POST /api/v1/auth/password", wrong)).status());
        FakeRequest tooShort = new FakeRequest().by(smith.caller()).body(Map.of("currentPassword", PASSWORD, "newPassword", "short"));
        assertEquals(400, assertThrows(ProblemException.class, () -> routes.call("POST /api/v1/auth/password", tooShort)).status());

        FakeRequest change = new FakeRequest().by(smith.caller()).header("Cookie", "nadi_session=" + current)
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a better password"));
        assertEquals(204, routes.call("POST /api/v1/auth/password", change).status());

        assertTrue(accounts.session(current).isPresent());
        assertEquals(Optional.empty(), accounts.session(other));
        assertTrue(accounts.checkPassword("j.smith", "a better password").isPresent());
        Object after = change.audited().get(0).get(3);
        assertEquals(Map.of("role", "delegate", "institution", "rsis", "passwordChanged", true), after);
        assertFalse(after.toString().contains("pbkdf2"));
    }

    private static String sessionIdOf(ApiResponse signIn) {
        String cookie = signIn.headers().get("Set-Cookie");
        return cookie.substring("nadi_session=".length(), cookie.indexOf(';'));
    }
}
