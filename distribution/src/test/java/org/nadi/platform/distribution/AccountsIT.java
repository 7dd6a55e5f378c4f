package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Accounts: the first administrator, account administration over REST and the shell, and
 * changing one's own password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class AccountsIT {

    private static final String USERS = "/api/v1/users";

    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("accounts").shell().start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void theFirstStartMakesARandomAdministratorPasswordShownOnceAndKeptInAPrivateFile() throws IOException {
        try (NadiRuntime fresh = NadiRuntime.options().label("first-admin").withoutAdminPassword().start()) {
            Path file = fresh.home().resolve("data/initial-admin-password");
            fresh.eventually(Duration.ofSeconds(20), "the initial password file exists", () -> Files.exists(file));
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            assertTrue(password.length() >= 16, "a short random password: " + password);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
            fresh.eventually(Duration.ofSeconds(20), "the password is printed", () -> fresh.output().contains(password));
            assertEquals(1, count(fresh.output(), password), "printed once:\n" + fresh.output());

            fresh.signIn(NadiRuntime.ADMIN, password).get("/api/v1/auth/me").assertJson(200);
            fresh.anonymous().postJson("/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"admin\"}")
                    .assertProblem(401);

            fresh.restart();
            assertFalse(fresh.outputSinceStart().contains(password), "printed again at the next start:\n" + fresh.outputSinceStart());
            fresh.signIn(NadiRuntime.ADMIN, password).get("/api/v1/auth/me").assertJson(200);
        }
    }

    @Test
    void theAdministratorPasswordCanComeFromTheEnvironment() {
        assertFalse(Files.exists(runtime.home().resolve("data/initial-admin-password")));
        assertFalse(runtime.output().contains(NadiRuntime.ADMIN_PASSWORD), "the password from the environment is never printed");
        HttpAnswer me = runtime.signIn(NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD).get("/api/v1/auth/me").assertJson(200);
        assertEquals("administrator", me.object().get("role").getAsString(), me::toString);
    }

    @Test
    void anAdministratorCreatesReadsChangesAndDeletesAccounts() {
        HttpAnswer created = runtime.admin().postJson(USERS, """
                {"username": "sokha", "password": "first-password", "role": "delegate", "institution": "khmer-institute"}
                """).assertJson(201);
        assertEquals(USERS + "/sokha", created.location());
        assertFalse(created.body().contains("first-password") || created.body().contains("pbkdf2"), created::toString);
        HttpAnswer read = runtime.admin().get(USERS + "/sokha").assertJson(200);
        assertEquals("khmer-institute", read.object().get("institution").getAsString(), read::toString);
        assertTrue(runtime.admin().get(USERS).assertJson(200).body().contains("\"sokha\""));

        ApiClient sokha = runtime.withToken("sokha", "first-password");
        sokha.get(USERS).assertProblem(403);
        sokha.postJson("/api/v1/example/notes", "{\"text\": \"a delegate writes\"}").assertJson(201);

        runtime.admin().patchJson(USERS + "/sokha", "{\"role\": \"observer\"}", null).assertProblem(428);
        HttpAnswer demoted = runtime.admin().patchJson(USERS + "/sokha", "{\"role\": \"observer\"}", read.etag()).assertJson(200);
        assertEquals("observer", demoted.object().get("role").getAsString(), demoted::toString);
        runtime.admin().patchJson(USERS + "/sokha", "{\"role\": \"secretariat\"}", read.etag()).assertProblem(412);
        // The token follows the account's new role at once.
        sokha.postJson("/api/v1/example/notes", "{\"text\": \"an observer cannot\"}").assertProblem(403);

        runtime.admin().delete(USERS + "/sokha").assertStatus(204);
        runtime.admin().get(USERS + "/sokha").assertProblem(404);
        sokha.get("/api/v1/auth/me").assertProblem(401);
    }

    @Test
    void badAccountsAreRefusedWithWhatToFix() {
        assertTrue(runtime.admin().postJson(USERS, "{\"username\": \"ok-name\", \"password\": \"short\", \"role\": \"observer\"}")
                .assertProblem(400).detail().contains("8"));
        String tooLong = "x".repeat(129);
        assertTrue(runtime.admin().postJson(USERS, "{\"username\": \"ok-name\", \"password\": \"" + tooLong + "\", \"role\": \"observer\"}")
                .assertProblem(400).detail().contains("128"));
        HttpAnswer badRole = runtime.admin().postJson(USERS, "{\"username\": \"ok-name\", \"password\": \"long-enough\", \"role\": \"king\"}")
                .assertProblem(400);
        assertTrue(badRole.detail().contains("secretariat") && badRole.detail().contains("observer"), badRole::toString);
        runtime.admin().postJson(USERS, "{\"username\": \"Not Valid!\", \"password\": \"long-enough\", \"role\": \"observer\"}")
                .assertProblem(400);
        runtime.admin().postJson(USERS, "{\"username\": \"admin\", \"password\": \"long-enough\", \"role\": \"observer\"}")
                .assertProblem(409);
        runtime.admin().get(USERS + "/ok-name").assertProblem(404);
    }

    @Test
    void theLastAdministratorCannotBeRemovedOrDemotedNorAnAdministratorDeleteThemself() {
        HttpAnswer admin = runtime.admin().get(USERS + "/admin").assertJson(200);
        runtime.admin().delete(USERS + "/admin").assertProblem(409);
        runtime.admin().patchJson(USERS + "/admin", "{\"role\": \"observer\"}", admin.etag()).assertProblem(409);
        assertEquals("administrator", runtime.admin().get(USERS + "/admin").assertJson(200).object().get("role").getAsString());
    }

    @Test
    void aUserChangesTheirOwnPassword() {
        Accounts.create(runtime, "dara", "observer", null);
        ApiClient session = runtime.signIn("dara", Accounts.passwordOf("dara"));
        session.postJson("/api/v1/auth/password", "{\"currentPassword\": \"wrong-password\", \"newPassword\": \"second-password\"}")
                .assertProblem(401);
        session.postJson("/api/v1/auth/password", "{\"currentPassword\": \"" + Accounts.passwordOf("dara")
                + "\", \"newPassword\": \"short\"}").assertProblem(400);
        session.postJson("/api/v1/auth/password", "{\"currentPassword\": \"" + Accounts.passwordOf("dara")
                + "\", \"newPassword\": \"second-password\"}").assertStatus(204);

        runtime.anonymous().postJson("/api/v1/auth/login", "{\"username\": \"dara\", \"password\": \"" + Accounts.passwordOf("dara")
                + "\"}").assertProblem(401);
        runtime.signIn("dara", "second-password").get("/api/v1/auth/me").assertJson(200);
    }

    @Test
    void theShellListsAccountsAndSetsANewPassword() throws IOException {
        Accounts.create(runtime, "vannak", "secretariat", null);
        String table = runtime.shell("nadi:users", "vannak.*\n");
        assertTrue(table.contains("secretariat"), table);

        String answer = runtime.shell("nadi:passwd vannak", "(error:|password).*\n");
        Matcher printed = Pattern.compile("password[^:]*:\\s*(\\S+)").matcher(answer);
        assertTrue(printed.find(), answer);
        String newPassword = printed.group(1);
        runtime.signIn("vannak", newPassword).get("/api/v1/auth/me").assertJson(200);
        runtime.anonymous().postJson("/api/v1/auth/login", "{\"username\": \"vannak\", \"password\": \""
                + Accounts.passwordOf("vannak") + "\"}").assertProblem(401);
        assertTrue(runtime.shell("nadi:passwd nobody-here", "error:.*\n").contains("nobody-here"));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
