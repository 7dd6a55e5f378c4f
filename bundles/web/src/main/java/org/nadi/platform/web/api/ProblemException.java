package org.nadi.platform.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, answered as {@code application/problem+json} (RFC 9457).
 * The detail says what is wrong and, where possible, how to put it right; it must never
 * contain a stack trace or internal state.
 */
public class ProblemException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * @param status the HTTP status, 4xx for the client's mistakes
     * @param type   a short, stable identifier of the kind of problem, e.g. {@code module-has-dependents};
     *               written as the URI {@code urn:nadi:problem:<type>}
     * @param title  a short summary that is the same for every occurrence of this type
     * @param detail what went wrong this time
     */
    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    /** As above, with extension members written next to the standard ones. */
    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    /** 400: the request itself is malformed. */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    /**
     * 401: the route needs a signed-in user and the request has no valid credentials.
     *
     * @since 2.0
     */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Sign-in required", detail);
    }

    /**
     * 403: the caller is known but may not do this.
     *
     * @since 2.0
     */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** 404: the thing named does not exist. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    /**
     * 412: the client's {@code If-Match} names a version that is no longer current; nothing was
     * changed.
     *
     * @since 1.1
     */
    public static ProblemException staleVersion(String detail) {
        return new ProblemException(412, "stale-version", "The record changed since you read it", detail);
    }

    /**
     * 428: a change to an editable record came without {@code If-Match}.
     *
     * @since 1.1
     */
    public static ProblemException versionRequired(String detail) {
        return new ProblemException(428, "version-required", "If-Match required", detail);
    }

    /**
     * This problem with a response header, e.g. {@code Retry-After} on a 429 or 503 that says
     * when to try again.
     *
     * @return this problem
     * @since 2.1
     */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    /**
     * The headers written with the problem.
     *
     * @since 2.1
     */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
