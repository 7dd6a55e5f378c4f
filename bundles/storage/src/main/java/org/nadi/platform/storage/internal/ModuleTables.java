package org.nadi.platform.storage.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which tables belong to a module, and dropping them. A table belongs to the module whose
 * prefix it starts with; where two modules' prefixes nest ({@code meeting_} and
 * {@code meeting_notes_}), the longer one wins.
 */
final class ModuleTables {

    private final Store store;

    ModuleTables(Store store) {
        this.store = store;
    }

    /** The module's tables, sorted. */
    List<String> of(String moduleId) throws SQLException {
        String prefix = SchemaMigrations.tablePrefix(moduleId);
        List<String> longerPrefixes = new ArrayList<>();
        for (String other : modulesWithMigrations()) {
            String otherPrefix = SchemaMigrations.tablePrefix(other);
            if (!other.equals(moduleId) && otherPrefix.length() > prefix.length() && otherPrefix.startsWith(prefix)) {
                longerPrefixes.add(otherPrefix);
            }
        }
        List<String> tables = new ArrayList<>();
        for (String table : store.tablesStartingWith(prefix)) {
            if (longerPrefixes.stream().noneMatch(table::startsWith)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Whether the platform recorded migrations of the module. */
    boolean hasMigrations(String moduleId) throws SQLException {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM " + Store.SCHEMA_VERSIONS + " WHERE module = ? LIMIT 1")) {
                query.setString(1, moduleId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Drops the module's tables and forgets its migrations, in one transaction. */
    void drop(String moduleId) throws SQLException {
        List<String> tables = of(moduleId);
        boolean sqlite = store.settings().isSqlite();
        store.inTransaction(connection -> {
            try (Statement drop = connection.createStatement()) {
                if (sqlite) {
                    // The module's tables may reference each other; checked at commit, when all are gone.
                    drop.execute("PRAGMA defer_foreign_keys = ON");
                    for (String table : tables) {
                        drop.execute("DROP TABLE " + table);
                    }
                } else if (!tables.isEmpty()) {
                    drop.execute("DROP TABLE " + String.join(", ", tables));
                }
            }
            try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + Store.SCHEMA_VERSIONS + " WHERE module = ?")) {
                forget.setString(1, moduleId);
                forget.executeUpdate();
            }
            return null;
        }, true);
    }

    private List<String> modulesWithMigrations() throws SQLException {
        return store.read(connection -> {
            List<String> modules = new ArrayList<>();
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT DISTINCT module FROM " + Store.SCHEMA_VERSIONS)) {
                while (rows.next()) {
                    modules.add(rows.getString(1));
                }
            }
            return modules;
        });
    }
}
