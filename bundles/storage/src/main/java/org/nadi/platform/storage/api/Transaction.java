package org.nadi.platform.storage.api;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on the database within one transaction. The connection is lent for the duration
 * of {@link #run(Connection)} only: do not keep it, close it, commit or roll it back — return
 * normally to commit, throw to roll back.
 *
 * @param <T> what the work answers, e.g. the record it read or wrote; {@code Void} for nothing
 */
@FunctionalInterface
public interface Transaction<T> {

    T run(Connection connection) throws SQLException;
}
