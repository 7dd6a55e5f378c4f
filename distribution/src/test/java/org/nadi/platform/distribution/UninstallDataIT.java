package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.distribution.fixtures.WorkingActivator;
import org.sqlite.SQLiteConfig;

/**
 * Uninstalling a module that has tables needs the administrator's choice: keep the data (it
 * is there again when the module is reinstalled) or drop it with the module. The database
 * file is inspected directly, read-only, while the runtime runs.
 */
@Timeout(120)
class UninstallDataIT {

    @TempDir
    Path jars;

    @Test
    void uninstallingAModuleWithTablesKeepsOrDropsThemAsChosen() throws IOException, SQLException {
        Path ledger = TestBundle.module("ledger").activator(WorkingActivator.class)
                .resource("db/migrations/V001__create_entries.sql", """
                        CREATE TABLE ledger_entries (id ${identity}, text VARCHAR(100) NOT NULL);
                        INSERT INTO ledger_entries (text) VALUES ('opening balance');
                        """)
                .writeTo(jars, "ledger.jar");
        Path plain = TestBundle.module("plain").activator(WorkingActivator.class).writeTo(jars, "plain.jar");
        try (NadiRuntime runtime = NadiRuntime.options().label("uninstall-data").shell().start()) {
            runtime.admin().postJar("/api/v1/modules", ledger).assertJson(201);

            HttpAnswer noChoice = runtime.admin().delete("/api/v1/modules/ledger").assertProblem(400);
            assertTrue(noChoice.detail().contains("ledger_entries") && noChoice.detail().contains("data=keep")
                    && noChoice.detail().contains("data=drop"), noChoice::toString);
            runtime.admin().delete("/api/v1/modules/ledger?data=maybe").assertProblem(400);
            assertEquals("ENABLED", runtime.stateOf("ledger"));

            runtime.admin().delete("/api/v1/modules/ledger?data=keep").assertStatus(204);
            assertNull(runtime.stateOf("ledger"));
            assertEquals(List.of("opening balance"), column(runtime, "SELECT text FROM ledger_entries"));
            assertEquals(List.of("1"), column(runtime, "SELECT version FROM platform_schema_versions WHERE module = 'ledger'"));

            // Reinstalled, it finds its data: V001 is not run again (its CREATE TABLE would fail).
            runtime.admin().postJar("/api/v1/modules", ledger).assertJson(201);
            assertEquals(List.of("opening balance"), column(runtime, "SELECT text FROM ledger_entries"));

            runtime.admin().delete("/api/v1/modules/ledger?data=drop").assertStatus(204);
            assertEquals(List.of(), column(runtime, "SELECT name FROM sqlite_master WHERE name LIKE 'ledger%'"));
            assertEquals(List.of(), column(runtime, "SELECT version FROM platform_schema_versions WHERE module = 'ledger'"));

            // The shell asks for the same choice.
            runtime.admin().postJar("/api/v1/modules", ledger).assertJson(201);
            assertTrue(runtime.shell("nadi:uninstall ledger", "(uninstalled|error:).*\n").contains("--keep-data"), runtime::output);
            assertTrue(runtime.shell("nadi:uninstall --drop-data ledger", "(uninstalled|error:).*\n")
                    .contains("uninstalled ledger, its data dropped"), runtime::output);
            assertEquals(List.of(), column(runtime, "SELECT name FROM sqlite_master WHERE name LIKE 'ledger%'"));

            // A module without data needs no choice.
            runtime.admin().postJar("/api/v1/modules", plain).assertJson(201);
            runtime.admin().delete("/api/v1/modules/plain").assertStatus(204);
        }
    }

    private static List<String> column(NadiRuntime runtime, String query) throws SQLException {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        String url = "jdbc:sqlite:" + runtime.home().resolve("data/nadi.db");
        try (Connection connection = new org.sqlite.JDBC().connect(url, readOnly.toProperties());
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
