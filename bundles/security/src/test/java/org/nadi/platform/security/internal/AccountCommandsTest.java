package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.Role;

/** nadi:users and nadi:passwd over a real database. */
@Timeout(60)
class AccountCommandsTest {

    @TempDir
    Path folder;
    private TestStorage storage;
    private Accounts accounts;
    private AccountCommands commands;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.open(folder, "security", AccountsTest.MIGRATIONS);
        accounts = new Accounts(storage.database(), new InitialAdministrator(folder, Map.of(), new PrintStream(OutputStream.nullOutputStream())));
        commands = new AccountCommands(accounts);
    }

    @AfterEach
    void stop() {
        accounts.stop();
        storage.close();
    }

    @Test
    void usersListsEveryAccountWithItsTokenCount() throws Exception {
        accounts.create("j.smith", accounts.hash("a good password"), Role.DELEGATE, Optional.of("rsis"));
        accounts.createToken("j.smith", "one");
        accounts.createToken("j.smith", "two");

        String table = commands.users();

        assertTrue(table.matches("(?s)USERNAME +ROLE +INSTITUTION +TOKENS\\R"
                + "admin +administrator +- +0\\R"
                + "j\\.smith +delegate +rsis +2\\R"
                + "2 accounts"), table);
    }

    @Test
    void passwdSetsARandomPasswordShownOnceAndEndsTheSessions() throws Exception {
        Account smith = accounts.create("j.smith", accounts.hash("a good password"), Role.DELEGATE, Optional.empty());
        String session = accounts.startSession(smith, Optional.empty()).id();

        String answer = commands.passwd("j.smith");

        Matcher password = Pattern.compile("New password for j\\.smith: (\\S+) \\(shown only now; their sessions have ended\\)")
                .matcher(answer);
        assertTrue(password.matches(), answer);
        assertTrue(accounts.checkPassword("j.smith", password.group(1)).isPresent());
        assertTrue(accounts.checkPassword("j.smith", "a good password").isEmpty());
        assertEquals(Optional.empty(), accounts.session(session));
        assertEquals("error: there is no user 'nobody'; nadi:users lists them", commands.passwd("nobody"));
    }
}
