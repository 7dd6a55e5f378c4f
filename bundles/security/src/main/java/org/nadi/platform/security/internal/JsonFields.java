package org.nadi.platform.security.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ProblemException;

/**
 * A JSON object request body read field by field. Unlike a record, it tells a field that is
 * absent from one sent as {@code null} (PATCH clears the institution with {@code null}), and it
 * refuses fields it does not know, so that a misspelt one is not silently ignored.
 */
final class JsonFields {

    private final Map<?, ?> fields;

    private JsonFields(Map<?, ?> fields) {
        this.fields = fields;
    }

    /**
     * The request's body.
     *
     * @param known the fields this route accepts
     * @throws ProblemException 400 if it is not a JSON object or has other fields
     */
    static JsonFields of(ApiRequest request, Set<String> known) throws ProblemException {
        Map<?, ?> fields = request.body(Map.class);
        for (Object name : fields.keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.badRequest("Unknown field '" + name + "'; this request accepts " + String.join(", ",
                        new TreeSet<>(known)) + ".");
            }
        }
        return new JsonFields(fields);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /**
     * A text field; {@code null} if absent or sent as {@code null}.
     *
     * @throws ProblemException 400 if it is not a string
     */
    String text(String name) throws ProblemException {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw ProblemException.badRequest("'" + name + "' must be a string, e.g. \"" + name + "\": \"...\".");
    }
}
