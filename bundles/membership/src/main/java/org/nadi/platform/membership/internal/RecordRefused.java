package org.nadi.platform.membership.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change the membership rules refuse: the client's mistake, not the database's. It is an
 * {@link SQLException} so that it passes out of a transaction (rolling it back) the way the
 * storage's own {@code StaleVersionException} does; the REST layer answers it as problem+json and
 * the reference-data loader as an error line.
 */
final class RecordRefused extends SQLException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String field;
    private final Map<String, Object> extensions;

    private RecordRefused(int status, String type, String field, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
        this.extensions = Map.copyOf(extensions);
    }

    /** 400: the field is missing or malformed. */
    static RecordRefused malformed(String field, String detail) {
        return new RecordRefused(400, "invalid-field", field, detail, Map.of());
    }

    /** 422: the field is well formed but breaks a rule, e.g. an end date before its start. */
    static RecordRefused invalid(String field, String detail) {
        return new RecordRefused(422, "invalid-field", field, detail, Map.of());
    }

    /** 422: the field names a country, body, institution or person that does not exist. */
    static RecordRefused unknown(String field, String detail) {
        return new RecordRefused(422, "unknown-reference", field, detail, Map.of());
    }

    /** 404: the record the path names does not exist. */
    static RecordRefused notFound(String detail) {
        return new RecordRefused(404, "not-found", null, detail, Map.of());
    }

    /** 409: the change contradicts another record, which the extensions name. */
    static RecordRefused conflict(String type, String field, String detail, Map<String, Object> extensions) {
        return new RecordRefused(409, type, field, detail, extensions);
    }

    /**
     * This refusal for a field of a larger document, e.g. {@code institutions[3].} before
     * {@code names[0].to}.
     */
    RecordRefused within(String prefix) {
        return new RecordRefused(status, type, field == null ? null : prefix + field,
                (field == null ? prefix + ": " : prefix) + getMessage(), extensions);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** The problem's title, the same for every occurrence of its type. */
    String title() {
        return switch (type) {
            case "invalid-field" -> "Invalid field";
            case "unknown-reference" -> "Unknown reference";
            case "not-found" -> "Not found";
            case "already-exists" -> "Already exists";
            case "contradicting-membership" -> "Membership contradicts another";
            case "duplicate-person" -> "The person is already recorded";
            case "still-referenced" -> "Still referenced";
            default -> "Refused";
        };
    }

    /** The input field at fault, e.g. {@code affiliations[0].to}; {@code null} if none. */
    String field() {
        return field;
    }

    /** What the problem adds for the client, with the field. */
    Map<String, Object> extensions() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (field != null) {
            all.put("field", field);
        }
        all.putAll(extensions);
        return all;
    }
}
