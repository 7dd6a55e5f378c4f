package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.google.gson.JsonElement;

/**
 * Signing in and out, browser sessions and their CSRF token, and bearer tokens for scripts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SessionsIT {

    private static final String LOGIN = "/api/v1/auth/login";
    private static final String NOTES = "/api/v1/example/notes";

    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("sessions").start();
        Accounts.create(runtime, "secretary", "secretariat", null);
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private HttpAnswer login(ApiClient client, String username, String password) {
        return client.postJson(LOGIN, "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieAndAnswersTheCsrfToken() {
        HttpAnswer answer = login(runtime.anonymous(), "secretary", Accounts.passwordOf("secretary")).assertJson(200);

        String cookie = answer.header("Set-Cookie");
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
        assertTrue(attributes.get(0).startsWith("nadi_session="), cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=strict"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
        assertFalse(attributes.contains("secure"), "served over plain HTTP, the cookie cannot be Secure: " + cookie);
        assertTrue(answer.object().get("csrfToken").getAsString().length() >= 20, answer::toString);
        assertEquals("secretariat", answer.object().get("role").getAsString(), answer::toString);
        assertFalse(answer.body().contains(Accounts.passwordOf("secretary")), answer::toString);
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameRefusal() {
        HttpAnswer wrongPassword = login(runtime.anonymous(), "secretary", "not-the-password").assertProblem(401);
        HttpAnswer unknownUser = login(runtime.anonymous(), "nobody-at-all", "not-the-password").assertProblem(401);
        assertEquals(wrongPassword.detail(), unknownUser.detail());
        assertEquals(null, wrongPassword.header("Set-Cookie"), wrongPassword::toString);
    }

    @Test
    void everySignInGetsANewSessionAndTheOneItReplacesEnds() {
        String firstCookie = NadiRuntime.sessionCookieOf(login(runtime.anonymous(), "secretary",
                Accounts.passwordOf("secretary")).assertJson(200));
        ApiClient first = runtime.anonymous().withHeader("Cookie", firstCookie);
        first.get("/api/v1/auth/me").assertJson(200);
        HttpAnswer again = login(first, "secretary", Accounts.passwordOf("secretary")).assertJson(200);
        String second = NadiRuntime.sessionCookieOf(again);

        assertNotEquals(firstCookie, second);
        first.get("/api/v1/auth/me").assertProblem(401);
        HttpAnswer me = runtime.anonymous().withHeader("Cookie", second).get("/api/v1/auth/me").assertJson(200);
        assertEquals("secretary", me.object().get("username").getAsString(), me::toString);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        ApiClient session = runtime.signIn("secretary", Accounts.passwordOf("secretary"));
        session.get("/api/v1/auth/me").assertJson(200);

        HttpAnswer out = session.post("/api/v1/auth/logout").assertStatus(204);
        String expired = out.header("Set-Cookie");
        assertTrue(expired != null && expired.toLowerCase(Locale.ROOT).contains("max-age=0"), out::toString);
        // The same cookie, sent again as a stolen copy would be, no longer works.
        HttpAnswer after = session.get("/api/v1/auth/me").assertProblem(401);
        assertTrue(after.detail().toLowerCase(Locale.ROOT).contains("sign in"), after::toString);
    }

    @Test
    void aSessionsChangesNeedItsCsrfTokenButATokensDoNot() {
        ApiClient session = runtime.signIn("secretary", Accounts.passwordOf("secretary"));

        HttpAnswer without = session.withoutHeader("X-CSRF-Token").postJson(NOTES, "{\"text\": \"forged\"}").assertProblem(403);
        assertTrue(without.detail().contains("X-CSRF-Token"), without::toString);
        session.withHeader("X-CSRF-Token", "not-the-token").postJson(NOTES, "{\"text\": \"forged\"}").assertProblem(403);
        // Reading needs no token; a change with the right one is made.
        session.withoutHeader("X-CSRF-Token").get("/api/v1/auth/me").assertJson(200);
        session.postJson(NOTES, "{\"text\": \"with the token\"}").assertJson(201);
        // A script's bearer token carries no ambient authority, so it needs no CSRF token.
        runtime.admin().postJson(NOTES, "{\"text\": \"by a script\"}").assertJson(201);
    }

    @Test
    void tokensAreListedWithoutTheirSecretAndRevokedAtOnce() {
        ApiClient session = runtime.signIn("secretary", Accounts.passwordOf("secretary"));
        HttpAnswer created = session.postJson("/api/v1/auth/tokens", "{\"name\": \"nightly export\"}").assertJson(201);
        String token = created.object().get("token").getAsString();
        String id = created.object().get("id").getAsString();
        ApiClient script = runtime.anonymous().withHeader("Authorization", "Bearer " + token);
        script.get("/api/v1/auth/me").assertJson(200);

        HttpAnswer listed = session.get("/api/v1/auth/tokens").assertJson(200);
        assertFalse(listed.body().contains(token), "a token's secret is shown once only: " + listed);
        boolean found = false;
        for (JsonElement element : listed.json().getAsJsonArray()) {
            found |= element.getAsJsonObject().get("name").getAsString().equals("nightly export");
        }
        assertTrue(found, listed::toString);

        session.delete("/api/v1/auth/tokens/" + id).assertStatus(204);
        HttpAnswer revoked = script.get("/api/v1/auth/me").assertProblem(401);
        assertTrue(revoked.header("WWW-Authenticate") != null, revoked::toString);
        script.postJson(NOTES, "{\"text\": \"after revocation\"}").assertProblem(401);
    }

    @Test
    void aTokenOfAnotherUserCannotBeRevokedByADelegateButByAnAdministrator() {
        ApiClient delegate = Accounts.create(runtime, "delegate-sessions", "delegate", "rsis");
        HttpAnswer created = runtime.signIn("secretary", Accounts.passwordOf("secretary"))
                .postJson("/api/v1/auth/tokens", "{\"name\": \"someone else's\"}").assertJson(201);
        String id = created.object().get("id").getAsString();

        delegate.delete("/api/v1/auth/tokens/" + id).assertProblem(404);
        runtime.admin().delete("/api/v1/auth/tokens/" + id).assertStatus(204);
        runtime.anonymous().withHeader("Authorization", "Bearer " + created.object().get("token").getAsString())
                .get("/api/v1/auth/me").assertProblem(401);
    }

    @Test
    void garbageCredentialsAreRefusedNotServed() {
        runtime.anonymous().withHeader("Authorization", "Bearer nadi_not-a-token").get("/api/v1/auth/me").assertProblem(401);
        runtime.anonymous().withHeader("Cookie", "nadi_session=forged").get("/api/v1/auth/me").assertProblem(401);
        runtime.anonymous().withHeader("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/modules").assertProblem(401);
        // Routes open to anyone ignore credentials, good or bad.
        runtime.anonymous().withHeader("Cookie", "nadi_session=forged").get("/api/v1/health").assertJson(200);
    }
}
