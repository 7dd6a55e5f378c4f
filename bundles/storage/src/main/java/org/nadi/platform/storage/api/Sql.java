package org.nadi.platform.storage.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plain JDBC a module's store needs on the connection of a {@link Transaction}, written once:
 * queries read into records, updates, WHERE clauses built from optional filters, ids in batches
 * for {@code IN (…)}, and the text forms every engine stores and compares alike (dates as
 * {@code yyyy-mm-dd}, lower-case names for searching).
 *
 * <pre>{@code
 * Conditions where = new Conditions();
 * if (country != null) {
 *     where.and("country_code = ?", country);
 * }
 * List<Institution> found = Sql.query(connection, "SELECT id, name FROM example_institutions" + where.where()
 *         + " ORDER BY id LIMIT ?", row -> new Institution(row.getString(1), row.getString(2)), where.parameters(limit));
 * }</pre>
 *
 * @since 1.1
 */
public final class Sql {

    /** How many ids one {@code IN (…)} takes at most, well within every engine's limit on parameters. */
    public static final int BATCH = 500;

    private Sql() {
    }

    /** Reads one row into a record. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /**
     * The conditions of a WHERE clause, joined by AND, with their parameters in order; none at all
     * leaves the query unfiltered.
     */
    public static final class Conditions {

        private final List<String> conditions = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        /** Adds a condition with its {@code ?} parameters' values. */
        public Conditions and(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(Arrays.asList(values));
            return this;
        }

        /** The column is among the values the sub-query selects where the given conditions hold. */
        public Conditions in(String column, String select, Conditions where) {
            return and(column + " IN (" + select + where.where() + ")", where.parameters.toArray());
        }

        /** The WHERE clause, with its leading space, or nothing. */
        public String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }

        /** The parameters of the conditions, followed by those of what the query says after them. */
        public Object[] parameters(Object... after) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(Arrays.asList(after));
            return all.toArray();
        }
    }

    /** The rows the query selects, each read by the mapper, in the query's order. */
    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> records = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                records.add(mapper.map(rows));
            }
        }
        return records;
    }

    /** Whether the query selects any row. */
    public static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** A statement with its parameters set, for the caller to run and close. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException failed) {
            statement.close();
            throw failed;
        }
    }

    /** The distinct ids, in their first order, in groups of at most {@link #BATCH} for one {@code IN (…)} each. */
    public static List<List<String>> batches(Collection<String> ids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            batches.add(distinct.subList(from, Math.min(distinct.size(), from + BATCH)));
        }
        return batches;
    }

    /** {@code ?, ?, ?} for an {@code IN (…)} of that many values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Column changes for {@link Database#updateVersioned}, in order: name, value, name, value…; values may be null. */
    public static Map<String, Object> columns(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs; got " + namesAndValues.length + " items");
        }
        Map<String, Object> columns = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            columns.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return columns;
    }

    /**
     * A LIKE pattern matching lower-case texts that contain the search, whatever its case; the
     * wildcards {@code %} and {@code _} and backslashes typed in it are dropped, so a search is
     * always for the letters typed.
     */
    public static String like(String search) {
        return "%" + lower(search).replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    /** The text in lower case, the same in every locale; null stays null. */
    public static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** A value as stored in a text column ({@code yyyy-mm-dd} for a date, {@code hh:mm} for a time); null stays null. */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A date stored as {@code yyyy-mm-dd}, read by position: {@code LocalDate.parse} took a tenth of
     * the CPU of a long list. Null stays null.
     */
    public static LocalDate day(String text) {
        return text == null ? null : LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }
}
