package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;

/** Accounts, sessions and tokens over real databases with this bundle's migrations. */
@Timeout(120)
class AccountsTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migrations");
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "Initial administrator account: admin, password: (\\S+) \\(also in (\\S+); change it after signing in\\)");

    @TempDir
    Path folder;
    private TestStorage storage;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Accounts> started = new ArrayList<>();

    @AfterEach
    void close() {
        started.forEach(Accounts::stop);
        if (storage != null) {
            storage.close();
        }
    }

    /** The accounts over a new database of this engine. */
    private Accounts start(String engine, Map<String, String> environment) throws Exception {
        storage = TestStorage.open(engine, folder, "security", MIGRATIONS);
        return start(environment);
    }

    /** The accounts over the database opened before: a restart. */
    private Accounts start(Map<String, String> environment) {
        Accounts accounts = new Accounts(storage.database(),
                new InitialAdministrator(folder.resolve("data"), environment, new PrintStream(out, true, StandardCharsets.UTF_8)));
        started.add(accounts);
        return accounts;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Account user(Accounts accounts, String username, Role role) throws ProblemException {
        return accounts.create(username, accounts.hash("a good password"), role, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aNewDatabaseGetsAnAdministratorWhosePasswordIsPrintedOnceAndKeptForTheOwnerOnly(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());

        List<Account> users = accounts.list();
        Matcher announced = ANNOUNCEMENT.matcher(printed());
        assertTrue(announced.find(), printed());
        String password = announced.group(1);
        Path file = Path.of(announced.group(2));
        assertTrue(password.length() >= 20 && password.matches("[A-Za-z0-9_-]+"), password);
        assertEquals(1, users.size());
        assertEquals(Role.ADMINISTRATOR, users.get(0).role());
        assertTrue(accounts.checkPassword("admin", password).isPresent());
        assertEquals(folder.resolve("data/initial-admin-password"), file);
        assertEquals(password + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        accounts.stop();
        out.reset();
        assertEquals(1, start(Map.of()).list().size(), "a second start creates nobody");
        assertEquals("", printed());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void theAdministratorsPasswordFromTheEnvironmentIsUsedAndNeverPrinted(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of(InitialAdministrator.PASSWORD_VARIABLE, "chosen by the operator"));

        assertTrue(accounts.checkPassword("admin", "chosen by the operator").isPresent());
        assertFalse(printed().contains("chosen by the operator"), printed());
        assertTrue(printed().contains(InitialAdministrator.PASSWORD_VARIABLE), printed());
        assertFalse(Files.exists(folder.resolve("data/initial-admin-password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void anInvalidPasswordInTheEnvironmentIsReplacedByAGeneratedOne(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of(InitialAdministrator.PASSWORD_VARIABLE, "short"));

        accounts.list();
        Matcher announced = ANNOUNCEMENT.matcher(printed());
        assertTrue(announced.find(), printed());
        assertTrue(accounts.checkPassword("admin", announced.group(1)).isPresent());
        assertTrue(accounts.checkPassword("admin", "short").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void changingTheAdministratorsPasswordDeletesThePasswordFile(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        accounts.list();
        assertTrue(Files.exists(folder.resolve("data/initial-admin-password")));

        accounts.update("admin", Optional.empty(), new AccountChange().passwordHash(accounts.hash("a new password")), null);

        assertFalse(Files.exists(folder.resolve("data/initial-admin-password")));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void anUnknownUsernameAndAWrongPasswordGetTheSameAnswer(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        user(accounts, "j.smith", Role.DELEGATE);

        assertTrue(accounts.checkPassword("j.smith", "a good password").isPresent());
        assertEquals(Optional.empty(), accounts.checkPassword("j.smith", "a bad password"));
        assertEquals(Optional.empty(), accounts.checkPassword("nobody", "a good password"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aTokenActsWithItsOwnersCurrentRoleUntilItIsRevoked(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        Account account = user(accounts, "j.smith", Role.DELEGATE);
        Accounts.NewToken token = accounts.createToken("j.smith", "report script");

        assertTrue(token.secret().matches("nadi_[A-Za-z0-9_-]{43}"), token.secret());
        assertEquals(Role.DELEGATE, accounts.tokenCaller(token.secret()).orElseThrow().role());
        accounts.update("j.smith", Optional.of(account.version()), new AccountChange().role(Role.SECRETARIAT)
                .institution(Optional.of("rsis")), null);
        assertEquals(new Caller("j.smith", Role.SECRETARIAT, Optional.of("rsis")), accounts.tokenCaller(token.secret()).orElseThrow());

        Caller someoneElse = user(accounts, "a.tan", Role.OBSERVER).caller();
        assertThrows(ProblemException.class, () -> accounts.revokeToken(someoneElse, token.token().id()),
                "another user's token is none of theirs");
        accounts.revokeToken(accounts.tokenCaller(token.secret()).orElseThrow(), token.token().id());

        assertEquals(Optional.empty(), accounts.tokenCaller(token.secret()));
        assertEquals(List.of(), accounts.tokensOf("j.smith"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void tokensAreKeptOnlyAsHashesAndWorkAfterARestart(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        user(accounts, "j.smith", Role.OBSERVER);
        Accounts.NewToken token = accounts.createToken("j.smith", "report script");
        accounts.stop();

        Accounts restarted = start(Map.of());

        assertEquals("j.smith", restarted.tokenCaller(token.secret()).orElseThrow().username());
        String stored = storage.database().read(connection -> {
            try (var query = connection.prepareStatement("SELECT token_hash FROM security_tokens");
                    var row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        });
        assertEquals(Secrets.sha256(token.secret()), stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void deletingAnAccountEndsItsSessionsAndTokens(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        Account account = user(accounts, "j.smith", Role.DELEGATE);
        String session = accounts.startSession(account, Optional.empty()).id();
        String token = accounts.createToken("j.smith", "script").secret();

        Account deleted = accounts.delete("j.smith", "admin");

        assertEquals("j.smith", deleted.username());
        assertEquals(Optional.empty(), accounts.session(session));
        assertEquals(Optional.empty(), accounts.tokenCaller(token));
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.find("j.smith")).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.delete("j.smith", "admin")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aNewRoleOrPasswordEndsTheAccountsSessionsButTheOneItCameFrom(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        Account account = user(accounts, "j.smith", Role.DELEGATE);
        SessionStore.Started current = accounts.startSession(account, Optional.empty());
        String other = accounts.startSession(account, Optional.empty()).id();

        Accounts.Edit institution = accounts.update("j.smith", Optional.of(1L), new AccountChange().institution(Optional.of("rsis")),
                current.session().key());
        assertEquals(Optional.of("rsis"), accounts.session(other).orElseThrow().caller().institution(),
                "a new institution keeps the sessions and shows at once");

        accounts.update("j.smith", Optional.of(institution.after().version()),
                new AccountChange().passwordHash(accounts.hash("another good password")), current.session().key());

        assertTrue(accounts.session(current.id()).isPresent());
        assertEquals(Optional.empty(), accounts.session(other));
        assertTrue(accounts.checkPassword("j.smith", "another good password").isPresent());

        accounts.update("j.smith", Optional.empty(), new AccountChange().role(Role.OBSERVER), null);
        assertEquals(Optional.empty(), accounts.session(current.id()));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aChangeToAVersionSomeoneChangedMeanwhileIsRefused(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        user(accounts, "j.smith", Role.DELEGATE);
        accounts.update("j.smith", Optional.of(1L), new AccountChange().role(Role.OBSERVER), null);

        ProblemException stale = assertThrows(ProblemException.class, () ->
                accounts.update("j.smith", Optional.of(1L), new AccountChange().role(Role.SECRETARIAT), null));

        assertEquals(412, stale.status());
        assertEquals(Role.OBSERVER, accounts.find("j.smith").role());
        assertEquals(2, accounts.find("j.smith").version());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void theLastAdministratorIsNeitherDemotedNorDeletedAndNobodyDeletesThemselves(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        accounts.list();

        ProblemException demote = assertThrows(ProblemException.class, () ->
                accounts.update("admin", Optional.empty(), new AccountChange().role(Role.SECRETARIAT), null));
        assertEquals(409, demote.status());
        assertEquals(Role.ADMINISTRATOR, accounts.find("admin").role(), "rolled back");
        assertEquals(1, accounts.find("admin").version());
        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.delete("admin", "someone")).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.delete("admin", "admin")).status());

        user(accounts, "second.admin", Role.ADMINISTRATOR);
        accounts.update("admin", Optional.empty(), new AccountChange().role(Role.SECRETARIAT), null);
        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.delete("second.admin", "admin")).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aUsernameIsTakenOnce(String engine) throws Exception {
        Accounts accounts = start(engine, Map.of());
        user(accounts, "j.smith", Role.DELEGATE);

        ProblemException taken = assertThrows(ProblemException.class, () -> user(accounts, "j.smith", Role.OBSERVER));

        assertEquals(409, taken.status());
        assertEquals(Role.DELEGATE, accounts.find("j.smith").role());
    }
}
