package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.ThrowingActivator;
import org.nadi.platform.distribution.fixtures.WorkingActivator;

/**
 * Module administration from the Gogo shell, typed into the runtime's standard input (a pipe,
 * with the shell switched on by {@code -Dnadi.interactive=true}). Every change is checked
 * over REST too, so the test knows the shell did more than print.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class GogoShellIT {

    @TempDir
    Path jars;
    private NadiRuntime runtime;

    @BeforeAll
    void startWithTheShell() throws IOException {
        runtime = NadiRuntime.options().label("gogo-shell").shell().start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    /**
     * The line a nadi command answers with, after the shell's prompt: its verb on success,
     * "error:" on failure. Anchored to the start of a line so that log lines do not match.
     */
    private static String answerLine(String verb) {
        return "(?m)^(g! )*(" + verb + "|error:)[^\\n]*\\n";
    }

    @Test
    void theShellListsEnablesDisablesInstallsAndUninstallsModules() throws IOException {
        String table = runtime.shell("nadi:modules", "\\* core module: cannot be disabled or uninstalled");
        assertTrue(table.matches("(?s).*\\nexample +ENABLED .*"), table);
        assertTrue(table.matches("(?s).*\\nkernel\\* +ENABLED .*"), table);
        assertTrue(table.matches("(?s).*\\nweb\\* +ENABLED .*"), table);

        String disabled = runtime.shell("nadi:disable example", answerLine("disabled"));
        assertTrue(disabled.contains("disabled example ") && disabled.contains("(DISABLED)"), disabled);
        assertEquals("DISABLED", runtime.stateOf("example"));
        runtime.admin().get("/api/v1/example/greeting").assertProblem(404);

        String enabled = runtime.shell("nadi:enable example", answerLine("enabled"));
        assertTrue(enabled.contains("enabled example ") && enabled.contains("(ENABLED)"), enabled);
        runtime.admin().get("/api/v1/example/greeting").assertJson(200);

        Path jar = TestBundle.module("from-shell").activator(WorkingActivator.class).writeTo(jars, "from-shell.jar");
        String installed = runtime.shell("nadi:install " + jar, answerLine("installed"));
        assertTrue(installed.contains("installed from-shell 1.0.0 (ENABLED)"), installed);
        assertEquals("ENABLED", runtime.stateOf("from-shell"));

        Path newer = TestBundle.module("from-shell").version("1.1.0").activator(WorkingActivator.class)
                .writeTo(jars, "from-shell-1.1.jar");
        String updated = runtime.shell("nadi:update from-shell " + newer, answerLine("updated"));
        assertTrue(updated.contains("updated from-shell 1.1.0 (ENABLED)"), updated);
        assertEquals("1.1.0", runtime.modules().get("from-shell").get("version").getAsString());

        String uninstalled = runtime.shell("nadi:uninstall from-shell", answerLine("uninstalled"));
        assertTrue(uninstalled.contains("uninstalled from-shell"), uninstalled);
        assertNull(runtime.stateOf("from-shell"));
    }

    @Test
    void theShellAnswersRefusedOperationsWithAnError() throws IOException {
        String core = runtime.shell("nadi:disable web", answerLine("disabled"));
        assertTrue(core.contains("error: Module 'web' is part of the platform core"), core);

        String unknown = runtime.shell("nadi:enable no-such-module", answerLine("enabled"));
        assertTrue(unknown.contains("error: No module with id 'no-such-module'"), unknown);

        Path throwing = TestBundle.module("throwing").activator(ThrowingActivator.class).writeTo(jars, "throwing.jar");
        String failed = runtime.shell("nadi:install " + throwing, answerLine("installed"));
        assertTrue(failed.contains("error: ") && failed.contains(ThrowingActivator.MESSAGE), failed);
        assertNull(runtime.stateOf("throwing"));

        String missing = runtime.shell("nadi:install " + jars.resolve("absent.jar"), answerLine("installed"));
        assertTrue(missing.contains("error: no file"), missing);

        assertEquals("ENABLED", runtime.stateOf("web"));
        runtime.admin().get("/api/v1/health").assertJson(200);
    }
}
