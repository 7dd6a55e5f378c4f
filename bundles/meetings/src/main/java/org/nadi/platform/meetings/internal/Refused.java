package org.nadi.platform.meetings.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nadi.platform.web.api.ProblemException;

/**
 * A request the meetings rules refuse: the client's mistake, not the database's. It is an
 * {@link SQLException} so that it passes out of a transaction and rolls it back, as the
 * storage's {@code StaleVersionException} does; the REST layer answers it as problem+json with
 * the {@code field} at fault, and the demo-data loader as its message.
 */
final class Refused extends SQLException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, Object> extensions;

    private Refused(int status, String type, String title, String field, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.extensions = Map.copyOf(extensions);
    }

    /** 400: the field is missing, of the wrong type or malformed (an unknown kind, a date that is none). */
    static Refused malformed(String field, String detail) {
        return new Refused(400, "invalid-field", "Invalid field", field, detail, Map.of());
    }

    /** 422: the field is well formed but breaks a rule, e.g. an end date before its start. */
    static Refused invalid(String field, String detail) {
        return new Refused(422, "invalid-field", "Invalid field", field, detail, Map.of());
    }

    /** 422: the field names a person, institution, country, body, meeting or recommendation that does not exist. */
    static Refused unknown(String field, String detail) {
        return new Refused(422, "unknown-reference", "Unknown reference", field, detail, Map.of());
    }

    /** 404: the record the path names does not exist; the field is the path's parameter. */
    static Refused notFound(String field, String detail) {
        return new Refused(404, "not-found", "Not found", field, detail, Map.of());
    }

    /** 403: the caller may not make this change; the field is the one they may not change, if any. */
    static Refused forbidden(String field, String detail) {
        return new Refused(403, "forbidden", "Forbidden", field, detail, Map.of());
    }

    /** 409: the change contradicts other records, e.g. an id taken or a part still referred to. */
    static Refused conflict(String type, String field, String detail, Map<String, Object> extensions) {
        return new Refused(409, type, type.equals("already-exists") ? "Already exists" : "Still referenced", field, detail, extensions);
    }

    /** This refusal for a field of a larger document: {@code proceedings[4].} before {@code speaker}. */
    Refused within(String prefix) {
        return new Refused(status, type, title, field == null ? null : prefix + field, getMessage(), extensions);
    }

    /** The field at fault, e.g. {@code proceedings[4].speaker}; {@code null} if none. */
    String field() {
        return field;
    }

    int status() {
        return status;
    }

    /** The answer to the client. */
    ProblemException problem() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (field != null) {
            all.put("field", field);
        }
        all.putAll(extensions);
        return new ProblemException(status, type, title, getMessage(), all);
    }
}
