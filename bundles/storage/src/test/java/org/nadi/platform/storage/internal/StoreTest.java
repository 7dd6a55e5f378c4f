package org.nadi.platform.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.storage.api.StaleVersionException;

/** The storage against real databases: SQLite files, and PostgreSQL when one is configured. */
@Timeout(120)
class StoreTest {

    private static final List<MigrationFile> NOTES = List.of(
            MigrationFile.of("V001__create_notes.sql", """
                    -- the notes; a comment with a ; in it
                    CREATE TABLE example_notes (
                        id ${identity},
                        text VARCHAR(10000) NOT NULL,
                        version INTEGER NOT NULL,
                        created_at VARCHAR(40) NOT NULL
                    );
                    """));

    @TempDir
    Path folder;
    private final List<Store> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(Store::close);
    }

    private Store open(String engine) throws SQLException {
        return open(TestDatabases.settings(engine, folder));
    }

    private Store open(StorageSettings settings) throws SQLException {
        Store store = new Store(settings);
        opened.add(store);
        return store;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void migrationsAreAppliedInVersionOrderOnceEach(String engine) throws Exception {
        Store store = open(engine);
        SchemaMigrations migrations = new SchemaMigrations(store);
        List<MigrationFile> files = List.of(
                MigrationFile.of("V010__add_index.sql", "CREATE INDEX example_notes_by_text ON example_notes (text);"),
                MigrationFile.of("V002__add_author.sql", "ALTER TABLE example_notes ADD COLUMN author VARCHAR(100);"),
                NOTES.get(0));

        assertEquals(Optional.empty(), migrations.apply("example", files));
        assertEquals(Optional.empty(), migrations.apply("example", files), "a second start applies nothing again");

        assertEquals(Set.of(1, 2, 10), migrations.appliedVersions("example"));
        assertEquals(List.of("example_notes"), store.tablesStartingWith("example_"));
        assertEquals("create notes", store.read(connection -> single(connection,
                "SELECT description FROM platform_schema_versions WHERE module = 'example' AND version = 1")));
        insertNote(new ModuleDatabase(store, "example"), "with an author column");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aFailingMigrationIsRolledBackAndRecordsNothing(String engine) throws Exception {
        Store store = open(engine);
        SchemaMigrations migrations = new SchemaMigrations(store);
        List<MigrationFile> files = List.of(NOTES.get(0),
                MigrationFile.of("V002__broken.sql", """
                        CREATE TABLE example_tags (id INTEGER PRIMARY KEY, name VARCHAR(50));
                        INSERT INTO example_tags (id, name) VALUES (1, 'kept?');
                        ALTER TABLE example_nowhere ADD COLUMN x INTEGER;
                        """),
                MigrationFile.of("V003__never.sql", "CREATE TABLE example_later (id INTEGER PRIMARY KEY);"));

        Optional<String> problem = migrations.apply("example", files);

        assertTrue(problem.isPresent());
        assertTrue(problem.get().contains("V002__broken.sql") && problem.get().contains("example_nowhere"), problem.get());
        assertEquals(Set.of(1), migrations.appliedVersions("example"), "V001 stays applied, V002 and V003 are not recorded");
        assertEquals(List.of("example_notes"), store.tablesStartingWith("example_"), "V002's table was rolled back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aMigrationThatTouchesAnUnprefixedTableFailsBeforeRunning(String engine) throws Exception {
        Store store = open(engine);
        SchemaMigrations migrations = new SchemaMigrations(store);

        Optional<String> problem = migrations.apply("meeting-notes", List.of(
                MigrationFile.of("V001__create.sql", "CREATE TABLE meeting_notes_items (id INTEGER PRIMARY KEY);\n"
                        + "CREATE TABLE notes (id INTEGER PRIMARY KEY);")));

        assertTrue(problem.orElseThrow().contains("'notes'") && problem.get().contains("meeting_notes_"), problem.get());
        assertEquals(List.of(), store.tablesStartingWith("meeting_notes_"));
        assertEquals(Set.of(), migrations.appliedVersions("meeting-notes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anUpdateWithAStaleVersionChangesNothing(String engine) throws Exception {
        Store store = open(engine);
        new SchemaMigrations(store).apply("example", NOTES);
        ModuleDatabase database = new ModuleDatabase(store, "example");
        long id = insertNote(database, "first");

        long version = database.inTransaction(connection ->
                database.updateVersioned(connection, "example_notes", id, 1, Map.of("text", "second")));
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> database.inTransaction(connection ->
                database.updateVersioned(connection, "example_notes", id, 1, Map.of("text", "overwritten"))));

        assertEquals(2, version);
        assertEquals(2, stale.currentVersion().orElseThrow());
        assertEquals("second", database.read(connection -> single(connection, "SELECT text FROM example_notes WHERE id = " + id)));
        assertThrows(IllegalArgumentException.class, () -> database.inTransaction(connection ->
                database.updateVersioned(connection, "platform_schema_versions", id, 2, Map.of("module", "x"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void workThatThrowsIsRolledBackAloneWhileOthersCommit(String engine) throws Exception {
        Store store = open(engine);
        new SchemaMigrations(store).apply("example", NOTES);
        ModuleDatabase database = new ModuleDatabase(store, "example");
        ExecutorService writers = Executors.newFixedThreadPool(20);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean fail = i % 10 == 0;
            outcomes.add(writers.submit(() -> {
                try {
                    database.inTransaction(connection -> {
                        insert(connection, fail ? "doomed" : "kept");
                        if (fail) {
                            throw new SQLException("the work changed its mind");
                        }
                        return null;
                    });
                    return true;
                } catch (SQLException expected) {
                    return false;
                }
            }));
        }
        int committed = 0;
        for (Future<Boolean> outcome : outcomes) {
            committed += outcome.get() ? 1 : 0;
        }
        writers.shutdown();

        assertEquals(360, committed);
        assertEquals("360", database.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes WHERE text = 'kept'")));
        assertEquals("0", database.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes WHERE text = 'doomed'")));
        assertThrows(SQLException.class, () -> database.inTransaction(connection -> {
            connection.commit();
            return null;
        }), "work cannot end the transaction itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite"})
    void aBackupTakenWhileAnotherThreadWritesIsConsistentAndRestoresOnlyWithForceOverData(String engine) throws Exception {
        Store store = open(engine);
        new SchemaMigrations(store).apply("example", NOTES);
        ModuleDatabase database = new ModuleDatabase(store, "example");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        // Each transaction writes two rows: a consistent backup holds an even number.
        Future<Integer> written = writer.submit(() -> {
            int transactions = 0;
            while (writing.get()) {
                database.inTransaction(connection -> {
                    insert(connection, "pair");
                    insert(connection, "pair");
                    return null;
                });
                transactions++;
            }
            return transactions;
        });
        while (Integer.parseInt(database.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes"))) < 200) {
            Thread.sleep(5);
        }
        Path backup = folder.resolve("backups/nadi-backup.db");
        store.backup(backup);
        writing.set(false);
        int transactions = written.get(30, TimeUnit.SECONDS);
        writer.shutdown();

        Store restored = open(StorageSettings.sqlite(folder.resolve("elsewhere/nadi.db")));
        restored.restore(backup, false, Set.of());
        int rows = Integer.parseInt(restored.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes")));
        assertTrue(rows >= 200 && rows % 2 == 0 && rows <= transactions * 2, "rows in the backup: " + rows);
        assertEquals(Set.of(1), new SchemaMigrations(restored).appliedVersions("example"));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> store.restore(backup, false, Set.of()));
        assertTrue(refused.getMessage().contains("holds module data"), refused.getMessage());
        assertEquals(transactions * 2, Integer.parseInt(database.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes"))));
        // The tables of core modules (accounts, say) are the platform's bookkeeping, not module data.
        restored.restore(backup, false, Set.of("example_"));
        store.restore(backup, true, Set.of());
        assertEquals(rows, Integer.parseInt(database.read(connection -> single(connection, "SELECT COUNT(*) FROM example_notes"))));
        insertNote(database, "written after the restore");
        assertThrows(java.io.IOException.class, () -> store.backup(backup), "a backup never overwrites a file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void droppingAModulesDataRemovesItsTablesAndMigrationsButNotThoseOfAModuleWithALongerPrefix(String engine) throws Exception {
        Store store = open(engine);
        SchemaMigrations migrations = new SchemaMigrations(store);
        migrations.apply("meeting", List.of(MigrationFile.of("V001__create.sql", """
                CREATE TABLE meeting_sessions (id INTEGER PRIMARY KEY);
                CREATE TABLE meeting_items (id INTEGER PRIMARY KEY, session INTEGER REFERENCES meeting_sessions (id));
                INSERT INTO meeting_sessions (id) VALUES (1);
                INSERT INTO meeting_items (id, session) VALUES (1, 1);
                """)));
        migrations.apply("meeting-notes", List.of(MigrationFile.of("V001__create.sql",
                "CREATE TABLE meeting_notes_pages (id INTEGER PRIMARY KEY);")));
        ModuleTables tables = new ModuleTables(store);

        assertEquals(List.of("meeting_items", "meeting_sessions"), tables.of("meeting"));
        tables.drop("meeting");

        assertEquals(List.of(), tables.of("meeting"));
        assertFalse(tables.hasMigrations("meeting"));
        assertEquals(List.of("meeting_notes_pages"), tables.of("meeting-notes"));
        assertEquals(Set.of(1), migrations.appliedVersions("meeting-notes"));
    }

    private static long insertNote(ModuleDatabase database, String text) throws SQLException {
        return database.inTransaction(connection -> insert(connection, text));
    }

    private static long insert(Connection connection, String text) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO example_notes (text, version, created_at) VALUES (?, 1, '2026-11-22T06:00:00Z') RETURNING id")) {
            insert.setString(1, text);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            String value = row.getString(1);
            assertFalse(row.next(), query);
            return value;
        }
    }
}
