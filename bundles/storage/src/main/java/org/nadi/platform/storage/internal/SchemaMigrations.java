package org.nadi.platform.storage.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a module's pending schema migrations, in version order, each in a transaction of
 * its own together with the row of {@code platform_schema_versions} that records it. The first
 * that fails is rolled back and stops the rest: the migrations before it stay applied.
 */
final class SchemaMigrations {

    private final Store store;

    SchemaMigrations(Store store) {
        this.store = store;
    }

    /** The prefix of every table of a module: its id, lower-case, hyphens and dots as underscores, then an underscore. */
    static String tablePrefix(String moduleId) {
        return moduleId.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_') + "_";
    }

    /**
     * Applies what is pending.
     *
     * @return why the module's schema could not be brought up to date, for the administrator;
     *         empty if it is
     */
    Optional<String> apply(String moduleId, List<MigrationFile> migrations) {
        List<MigrationFile> ordered = new ArrayList<>(migrations);
        ordered.sort(Comparator.comparingInt(MigrationFile::version));
        Map<Integer, String> seen = new HashMap<>();
        for (MigrationFile migration : ordered) {
            String other = seen.putIfAbsent(migration.version(), migration.fileName());
            if (other != null) {
                return Optional.of("migrations " + other + " and " + migration.fileName() + " have the same version "
                        + migration.version() + "; give each migration a number of its own");
            }
        }
        Set<Integer> applied;
        try {
            applied = appliedVersions(moduleId);
        } catch (SQLException unreadable) {
            return Optional.of("cannot read the applied migrations from the database: " + unreadable.getMessage());
        }
        for (MigrationFile migration : ordered) {
            if (applied.contains(migration.version())) {
                continue;
            }
            Optional<String> failure = applyOne(moduleId, migration);
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    Set<Integer> appliedVersions(String moduleId) throws SQLException {
        return store.read(connection -> {
            Set<Integer> versions = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT version FROM " + Store.SCHEMA_VERSIONS + " WHERE module = ?")) {
                query.setString(1, moduleId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        versions.add(rows.getInt(1));
                    }
                }
            }
            return versions;
        });
    }

    private Optional<String> applyOne(String moduleId, MigrationFile migration) {
        String prefix = tablePrefix(moduleId);
        List<String> statements = SqlScript.statements(migration.sql());
        for (String statement : statements) {
            for (String name : SqlScript.namesTouched(statement)) {
                if (!name.startsWith(prefix)) {
                    return Optional.of("migration " + migration.fileName() + " failed: it touches '" + name + "', which is not a"
                            + " table of module " + moduleId + ". Every table and index of a module is named with the prefix '"
                            + prefix + "', e.g. " + prefix + name + ". Nothing of this migration was applied.");
                }
            }
        }
        boolean sqlite = store.settings().isSqlite();
        try {
            store.inTransaction(connection -> {
                int number = 0;
                for (String statement : statements) {
                    number++;
                    try (Statement execute = connection.createStatement()) {
                        execute.execute(SqlScript.forEngine(statement, sqlite));
                    } catch (SQLException failed) {
                        throw new SQLException("statement " + number + " (" + abbreviated(statement) + "): " + failed.getMessage(),
                                failed.getSQLState(), failed);
                    }
                }
                try (PreparedStatement record = connection.prepareStatement("INSERT INTO " + Store.SCHEMA_VERSIONS
                        + " (module, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                    record.setString(1, moduleId);
                    record.setInt(2, migration.version());
                    record.setString(3, migration.description());
                    record.setString(4, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
                    record.executeUpdate();
                }
                return null;
            }, true);
            return Optional.empty();
        } catch (SQLException | RuntimeException failed) {
            return Optional.of("migration " + migration.fileName() + " failed and was rolled back: " + failed.getMessage());
        }
    }

    private static String abbreviated(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
