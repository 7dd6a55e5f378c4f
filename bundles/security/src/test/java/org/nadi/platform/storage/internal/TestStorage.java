package org.nadi.platform.storage.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import org.nadi.platform.storage.api.Database;

/**
 * A real platform database for another bundle's unit tests, with the module's migrations
 * applied by the storage's own migration runner, and the module's view of it: an SQLite file,
 * or a schema of its own on the PostgreSQL server the environment names (as {@code .ci/run}
 * does; without one the PostgreSQL variants are skipped). It sits in the storage's package (in
 * test code only) because the engine is the storage's private business; in the runtime a module
 * gets its {@link Database} as a service.
 */
public final class TestStorage implements AutoCloseable {

    /** The engines to run a parameterised test on. */
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    private static final String POSTGRES_URL = "NADI_TEST_POSTGRES_URL";
    private static final String POSTGRES_USER = "NADI_TEST_POSTGRES_USER";

    private final Store store;
    private final Database database;

    private TestStorage(Store store, Database database) {
        this.store = store;
        this.database = database;
    }

    /** An SQLite database in the folder, with the module's migrations applied. */
    public static TestStorage open(Path folder, String moduleId, Path migrations) throws SQLException, IOException {
        return open(SQLITE, folder, moduleId, migrations);
    }

    /**
     * A new database with the module's migrations applied.
     *
     * @param engine     {@link #SQLITE} (a file in the folder) or {@link #POSTGRESQL}
     * @param migrations the folder holding the module's {@code V001__name.sql} files
     * @throws IllegalStateException if a migration fails
     */
    public static TestStorage open(String engine, Path folder, String moduleId, Path migrations) throws SQLException, IOException {
        Store store = new Store(settings(engine, folder));
        List<MigrationFile> files = new ArrayList<>();
        try (Stream<Path> sql = Files.list(migrations)) {
            for (Path file : sql.filter(path -> path.toString().endsWith(".sql")).toList()) {
                files.add(MigrationFile.of(file.getFileName().toString(), Files.readString(file)));
            }
        }
        new SchemaMigrations(store).apply(moduleId, files).ifPresent(problem -> {
            store.close();
            throw new IllegalStateException(problem);
        });
        return new TestStorage(store, new ModuleDatabase(store, moduleId));
    }

    private static StorageSettings settings(String engine, Path folder) throws SQLException {
        if (engine.equals(SQLITE)) {
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

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        store.close();
    }
}
