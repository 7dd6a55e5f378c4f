package org.nadi.platform.storage.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Which database to use: embedded SQLite under the data directory unless
 * {@code conf/nadi.properties} names a PostgreSQL database.
 *
 * @param url      the JDBC URL
 * @param user     the PostgreSQL user; null for SQLite
 * @param password the PostgreSQL password, from the environment only; null for SQLite
 */
record StorageSettings(String url, String user, String password) {

    /** Framework property: the JDBC URL, {@code jdbc:postgresql://host:port/db} for PostgreSQL. */
    static final String URL_PROPERTY = "nadi.db.url";
    static final String USER_PROPERTY = "nadi.db.user";
    /** The password is read only from this environment variable, never from a file. */
    static final String PASSWORD_VARIABLE = "NADI_DB_PASSWORD";
    static final String DATA_DIR_PROPERTY = "nadi.data.dir";
    static final String SQLITE_FILE = "nadi.db";

    /**
     * @param property        reads a framework property
     * @param environment     the process environment
     * @param defaultDataDir  where the database lives when {@code nadi.data.dir} is not set
     * @throws IllegalArgumentException for a URL of another engine, or PostgreSQL without a user
     */
    static StorageSettings from(UnaryOperator<String> property, Map<String, String> environment, Path defaultDataDir) {
        String url = trimmed(property.apply(URL_PROPERTY));
        if (url == null) {
            String dataDir = trimmed(property.apply(DATA_DIR_PROPERTY));
            Path folder = dataDir == null ? defaultDataDir : Path.of(dataDir);
            return sqlite(folder.resolve(SQLITE_FILE));
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return new StorageSettings(url, null, null);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(URL_PROPERTY + " is '" + url + "'; the platform supports jdbc:sqlite:FILE and"
                    + " jdbc:postgresql://HOST:PORT/DATABASE. Remove it to use the embedded database.");
        }
        String user = trimmed(property.apply(USER_PROPERTY));
        if (user == null) {
            throw new IllegalArgumentException(URL_PROPERTY + " names a PostgreSQL database but " + USER_PROPERTY
                    + " is not set in conf/nadi.properties. Set it, and the password in the environment variable "
                    + PASSWORD_VARIABLE + ".");
        }
        return new StorageSettings(url, user, environment.getOrDefault(PASSWORD_VARIABLE, ""));
    }

    static StorageSettings sqlite(Path file) {
        return new StorageSettings("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    boolean isSqlite() {
        return url.startsWith("jdbc:sqlite:");
    }

    /** The SQLite database file. */
    Path sqliteFile() {
        return Path.of(url.substring("jdbc:sqlite:".length()));
    }

    /** For logs and messages: the URL without anything secret (the password is never in it). */
    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
