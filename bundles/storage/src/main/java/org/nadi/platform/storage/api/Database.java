package org.nadi.platform.storage.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform database as one module sees it. Get it with {@code @Reference}:
 *
 * <pre>{@code
 * @Component(service = RestResource.class)
 * public final class NoteResource implements RestResource {
 *     private final Database database;
 *
 *     @Activate
 *     public NoteResource(@Reference Database database) {
 *         this.database = database;
 *     }
 *
 *     long add(String text) throws SQLException {
 *         return database.inTransaction(connection -> {
 *             try (PreparedStatement insert = connection.prepareStatement(
 *                     "INSERT INTO example_notes (text, version, created_at) VALUES (?, 1, ?) RETURNING id")) {
 *                 ...
 *             }
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>A module gets this service only once its migrations have been applied; if one failed, the
 * module gets none and is reported {@code FAILED}.
 *
 * <p>Writes are durable when {@link #inTransaction} returns: a crash or power loss afterwards
 * does not lose them. Keep transactions short; they are serialised with the other modules'
 * writes.
 */
@ProviderType
public interface Database {

    /**
     * Runs work in one read-write transaction: committed when the work returns, rolled back
     * when it throws (and the exception passed on).
     *
     * @return what the work returned
     * @throws SQLException what the work threw, or the commit's failure
     */
    <T> T inTransaction(Transaction<T> work) throws SQLException;

    /**
     * Runs read-only work on a consistent snapshot: every query within it sees the database as
     * it was at the snapshot, whatever is written meanwhile. Writing within it fails.
     */
    <T> T read(Transaction<T> work) throws SQLException;

    /**
     * Optimistic concurrency for an editable record: updates the row whose {@code id} column
     * equals {@code id} only if its {@code version} column still equals {@code expectedVersion},
     * and increments the version. Call it within {@link #inTransaction}.
     *
     * @param connection      the connection of the current transaction
     * @param table           one of this module's tables
     * @param id              the record's id
     * @param expectedVersion the version the client read (from {@code If-Match})
     * @param changes         column name → new value; names are plain identifiers
     * @return the record's new version
     * @throws StaleVersionException if the version differs or the record no longer exists;
     *                               nothing was written
     * @throws IllegalArgumentException if the table is not this module's or a name is not an identifier
     */
    long updateVersioned(Connection connection, String table, Object id, long expectedVersion, Map<String, ?> changes)
            throws SQLException;

    /** The prefix every table of this module's has, e.g. {@code example_}. */
    String tablePrefix();
}
