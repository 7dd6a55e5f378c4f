package org.nadi.platform.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nadi.platform.kernel.api.AuditEntry;

/** The SQL over {@code security_audit}, which is only ever inserted into and read. */
final class AuditTable {

    private AuditTable() {
    }

    static void insert(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO security_audit"
                + " (at, actor, address, module, action, entity, entity_id, before_state, after_state)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UtcTime.of(entry.at()));
            insert.setString(2, entry.actor());
            insert.setString(3, entry.address());
            insert.setString(4, entry.module());
            insert.setString(5, entry.action());
            insert.setString(6, entry.entity());
            insert.setString(7, entry.entityId());
            insert.setString(8, entry.before());
            insert.setString(9, entry.after());
            insert.executeUpdate();
        }
    }

    /**
     * Which records to read: each filter that is present must match exactly.
     *
     * @param actor    who made the change
     * @param from     the earliest time, as {@link UtcTime} writes it
     * @param until    the first time after the last one wanted, as {@link UtcTime} writes it
     * @param beforeId only records older than this one (the previous page's last)
     * @param limit    at most this many, newest first
     */
    record Filter(Optional<String> module, Optional<String> actor, Optional<String> entity, Optional<String> entityId,
            Optional<String> from, Optional<String> until, Optional<Long> beforeId, int limit) {
    }

    /**
     * One record as the API shows it. Fields the change did not have are null.
     *
     * @param before the JSON summary of the record before the change
     * @param after  the JSON summary of the record after the change
     */
    public record AuditRecord(long id, String at, String actor, String address, String module, String action, String entity,
            String entityId, String before, String after) {
    }

    static List<AuditRecord> query(Connection connection, Filter filter) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter.module().ifPresent(value -> condition(conditions, values, "module = ?", value));
        filter.actor().ifPresent(value -> condition(conditions, values, "actor = ?", value));
        filter.entity().ifPresent(value -> condition(conditions, values, "entity = ?", value));
        filter.entityId().ifPresent(value -> condition(conditions, values, "entity_id = ?", value));
        filter.from().ifPresent(value -> condition(conditions, values, "at >= ?", value));
        filter.until().ifPresent(value -> condition(conditions, values, "at < ?", value));
        filter.beforeId().ifPresent(value -> condition(conditions, values, "id < ?", value));
        String sql = "SELECT id, at, actor, address, module, action, entity, entity_id, before_state, after_state FROM security_audit"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions)) + " ORDER BY id DESC LIMIT ?";
        values.add(filter.limit());
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    records.add(new AuditRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), orNull(rows.getString(7)), orNull(rows.getString(8)),
                            orNull(rows.getString(9)), orNull(rows.getString(10))));
                }
            }
            return records;
        }
    }

    private static void condition(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    private static String orNull(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }
}
