package org.nadi.platform.storage.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The engines the storage tests run against: SQLite always, PostgreSQL when the environment
 * names a server (as {@code .ci/run} does). Each PostgreSQL test gets a schema of its own.
 */
final class TestDatabases {

    static final String POSTGRES_URL = "NADI_TEST_POSTGRES_URL";
    static final String POSTGRES_USER = "NADI_TEST_POSTGRES_USER";

    private TestDatabases() {
    }

    static StorageSettings settings(String engine, Path folder) throws SQLException {
        if (engine.equals("sqlite")) {
            return StorageSettings.sqlite(folder.resolve("nadi.db"));
        }
        String url = System.getenv(POSTGRES_URL);
        String user = System.getenv(POSTGRES_USER);
        if ("true".equals(System.getenv("CI")) && (url == null || user == null)) {
            throw new IllegalStateException("CI must run the PostgreSQL variants: .ci/run sets " + POSTGRES_URL + " and "
                    + POSTGRES_USER + " after starting a throw-away cluster");
        }
        assumeTrue(url != null && user != null, "PostgreSQL variant skipped: set " + POSTGRES_URL
                + " (jdbc:postgresql://127.0.0.1:PORT/DB), " + POSTGRES_USER + " and " + StorageSettings.PASSWORD_VARIABLE
                + " to run it, as .ci/run does");
        String password = System.getenv().getOrDefault(StorageSettings.PASSWORD_VARIABLE, "");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        StorageSettings server = new StorageSettings(url, user, password);
        try (Connection connection = PostgresConnections.open(server); Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        }
        return new StorageSettings(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, password);
    }
}
