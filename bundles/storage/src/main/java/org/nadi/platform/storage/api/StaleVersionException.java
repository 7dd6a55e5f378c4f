package org.nadi.platform.storage.api;

import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * An update was refused because the record changed since the client read it: its
 * {@code version} is no longer the one expected (or the record is gone). Nothing was written.
 * REST resources answer it with {@code 412 Precondition Failed}.
 */
public class StaleVersionException extends SQLException {

    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final Long currentVersion;

    /**
     * @param currentVersion the record's version now, or {@code null} if it no longer exists
     */
    public StaleVersionException(String table, Object id, long expectedVersion, Long currentVersion) {
        super(currentVersion == null
                ? "Record " + id + " of " + table + " no longer exists."
                : "Record " + id + " of " + table + " is at version " + currentVersion + ", not " + expectedVersion
                        + ": someone changed it since it was read. Read it again and reapply the change.",
                "40001");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** The version the update expected. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The record's version now; empty if the record no longer exists. */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }
}
