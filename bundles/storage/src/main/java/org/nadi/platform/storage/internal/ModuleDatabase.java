package org.nadi.platform.storage.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.StaleVersionException;
import org.nadi.platform.storage.api.Transaction;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link Database} one module sees. Registered with bundle scope, so that the framework
 * makes one for each module that asks and the storage knows who is asking; a module whose
 * migrations failed is refused one.
 */
@Component(service = Database.class, scope = ServiceScope.BUNDLE)
public final class ModuleDatabase implements Database {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Store store;
    private final String moduleId;
    private final String prefix;

    @Activate
    public ModuleDatabase(ComponentContext context, @Reference Storage storage) {
        Bundle module = context.getUsingBundle();
        this.moduleId = storage.moduleIdOf(module).orElseThrow(() -> new IllegalStateException("Bundle "
                + module.getSymbolicName() + " is not a module (it has no NADI-Module header), so it has no tables of its own"));
        storage.migrationProblem(module).ifPresent(problem -> {
            throw new IllegalStateException("Module " + moduleId + " gets no database: " + problem);
        });
        this.store = storage.store();
        this.prefix = SchemaMigrations.tablePrefix(moduleId);
    }

    /** A module's view without the framework, for tests. */
    ModuleDatabase(Store store, String moduleId) {
        this.store = store;
        this.moduleId = moduleId;
        this.prefix = SchemaMigrations.tablePrefix(moduleId);
    }

    @Override
    public <T> T inTransaction(Transaction<T> work) throws SQLException {
        return store.inTransaction(work, false);
    }

    @Override
    public <T> T read(Transaction<T> work) throws SQLException {
        return store.read(work);
    }

    @Override
    public long updateVersioned(Connection connection, String table, Object id, long expectedVersion, Map<String, ?> changes)
            throws SQLException {
        requireIdentifier(table);
        if (!table.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException("Table " + table + " is not a table of module " + moduleId + "; its tables start with "
                    + prefix);
        }
        List<String> columns = new ArrayList<>(changes.keySet());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (String column : columns) {
            requireIdentifier(column);
            if (column.equalsIgnoreCase("version") || column.equalsIgnoreCase("id")) {
                throw new IllegalArgumentException("The platform sets the version; the id does not change. Leave " + column
                        + " out of the changes.");
            }
            sql.append(column).append(" = ?, ");
        }
        sql.append("version = version + 1 WHERE id = ? AND version = ?");
        try (PreparedStatement update = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String column : columns) {
                update.setObject(index++, changes.get(column));
            }
            update.setObject(index++, id);
            update.setLong(index, expectedVersion);
            if (update.executeUpdate() == 1) {
                return expectedVersion + 1;
            }
        }
        try (PreparedStatement current = connection.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
            current.setObject(1, id);
            try (ResultSet row = current.executeQuery()) {
                throw new StaleVersionException(table, id, expectedVersion, row.next() ? row.getLong(1) : null);
            }
        }
    }

    @Override
    public String tablePrefix() {
        return prefix;
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier (letters, digits, underscores)");
        }
    }
}
