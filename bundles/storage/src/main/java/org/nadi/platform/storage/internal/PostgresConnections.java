package org.nadi.platform.storage.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens PostgreSQL connections. A class of its own so that the optional PostgreSQL driver
 * is loaded only when the configuration asks for it.
 */
final class PostgresConnections {

    private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

    private PostgresConnections() {
    }

    static Connection open(StorageSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", "NADI Platform");
        Connection connection = DRIVER.connect(settings.url(), properties);
        if (connection == null) {
            throw new SQLException("The PostgreSQL driver does not accept the URL " + settings.url());
        }
        return connection;
    }
}
