package org.nadi.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nadi.platform.web.api.Role;

/**
 * The SQL over {@code security_users} and {@code security_tokens}. Each method works within the
 * transaction whose connection it is given.
 */
final class AccountTables {

    static final String USERS = "security_users";
    private static final String USER_COLUMNS = "id, username, password_hash, role, institution, version, created_at, updated_at";
    private static final String TOKEN_COLUMNS = "id, username, name, token_hash, created_at, last_used_at";

    private AccountTables() {
    }

    static List<Account> users(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM security_users ORDER BY username");
                ResultSet rows = query.executeQuery()) {
            List<Account> users = new ArrayList<>();
            while (rows.next()) {
                users.add(account(rows));
            }
            return users;
        }
    }

    static Optional<Account> user(Connection connection, String username) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM security_users WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(account(row)) : Optional.empty();
            }
        }
    }

    static boolean hasUsers(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM security_users LIMIT 1");
                ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    static int administrators(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM security_users WHERE role = ?")) {
            query.setString(1, Role.ADMINISTRATOR.id());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    static Account insertUser(Connection connection, String username, String passwordHash, Role role, Optional<String> institution,
            String now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO security_users"
                + " (username, password_hash, role, institution, version, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id")) {
            insert.setString(1, username);
            insert.setString(2, passwordHash);
            insert.setString(3, role.id());
            insert.setString(4, institution.orElse(null));
            insert.setString(5, now);
            insert.setString(6, now);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return new Account(key.getLong(1), username, passwordHash, role, institution, 1, now, now);
            }
        }
    }

    /** Deletes a user and their tokens. */
    static void deleteUser(Connection connection, String username) throws SQLException {
        try (PreparedStatement tokens = connection.prepareStatement("DELETE FROM security_tokens WHERE username = ?");
                PreparedStatement user = connection.prepareStatement("DELETE FROM security_users WHERE username = ?")) {
            tokens.setString(1, username);
            tokens.executeUpdate();
            user.setString(1, username);
            user.executeUpdate();
        }
    }

    static List<Token> tokens(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM security_tokens ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            List<Token> tokens = new ArrayList<>();
            while (rows.next()) {
                tokens.add(new Token(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6)));
            }
            return tokens;
        }
    }

    static Token insertToken(Connection connection, String username, String name, String hash, String now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO security_tokens"
                + " (username, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, username);
            insert.setString(2, name);
            insert.setString(3, hash);
            insert.setString(4, now);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return new Token(key.getLong(1), username, name, hash, now, null);
            }
        }
    }

    static void deleteToken(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM security_tokens WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }

    static void recordTokenUse(Connection connection, long id, String lastUsedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE security_tokens SET last_used_at = ? WHERE id = ?")) {
            update.setString(1, lastUsedAt);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static Account account(ResultSet row) throws SQLException {
        String role = row.getString(4);
        return new Account(row.getLong(1), row.getString(2), row.getString(3),
                Role.fromId(role).orElseThrow(() -> new SQLException("security_users holds the unknown role '" + role + "'")),
                Optional.ofNullable(row.getString(5)), row.getLong(6), row.getString(7), row.getString(8));
    }
}
