package org.nadi.platform.storage.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.nadi.platform.storage.api.Database;

/**
 * A real platform database for another bundle's unit tests, with the module's migrations
 * applied by the storage's own migration runner, and the module's view of it: an SQLite file,
 * or a schema of its own on the PostgreSQL server the environment names (as {@code .ci/run}
 * does; without one the PostgreSQL variants are skipped). It sits in the storage's test code,
 * shipped as its test jar, because the engine is the storage's private business; in the runtime
 * a module gets its {@link Database} as a service.
 */
public final class TestStorage implements AutoCloseable {

    /** The engines to run a parameterised test on. */
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

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
        Store store = new Store(TestDatabases.settings(engine, folder));
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

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        store.close();
    }
}
