package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * Runtimes on either database engine: the embedded SQLite (the default), or the PostgreSQL
 * server that {@code .ci/run} starts and names in {@code NADI_TEST_POSTGRES_URL},
 * {@code NADI_TEST_POSTGRES_USER} and {@code NADI_DB_PASSWORD}. Each PostgreSQL runtime gets
 * an empty schema of its own. Without those variables the PostgreSQL variants are skipped,
 * except under {@code CI=true}, where they fail.
 */
final class Engines {

    static final String SQLITE = "sqlite";
    static final String POSTGRESQL = "postgresql";

    private Engines() {
    }

    /** Options for a runtime on the engine. */
    static NadiRuntime.Options runtime(String engine, String label) {
        NadiRuntime.Options options = NadiRuntime.options().label(label + "-" + engine);
        if (engine.equals(SQLITE)) {
            return options;
        }
        String url = System.getenv("NADI_TEST_POSTGRES_URL");
        String user = System.getenv("NADI_TEST_POSTGRES_USER");
        String password = System.getenv().getOrDefault("NADI_DB_PASSWORD", "");
        if ("true".equals(System.getenv("CI")) && (url == null || user == null)) {
            throw new IllegalStateException("CI must run the PostgreSQL variants: .ci/run sets NADI_TEST_POSTGRES_URL and"
                    + " NADI_TEST_POSTGRES_USER after starting a throw-away cluster");
        }
        assumeTrue(url != null && user != null, "PostgreSQL variant skipped: set NADI_TEST_POSTGRES_URL"
                + " (jdbc:postgresql://127.0.0.1:PORT/DB), NADI_TEST_POSTGRES_USER and NADI_DB_PASSWORD to run it, as .ci/run does");
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        try (Connection connection = new org.postgresql.Driver().connect(url, credentials);
                Statement create = connection.createStatement()) {
            create.execute("CREATE SCHEMA " + schema);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("Cannot prepare a schema on " + url + ": " + unreachable.getMessage(), unreachable);
        }
        return options
                .conf("nadi.db.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                .conf("nadi.db.user", user)
                .environment("NADI_DB_PASSWORD", password);
    }
}
