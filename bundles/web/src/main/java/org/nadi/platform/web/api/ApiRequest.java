package org.nadi.platform.web.api;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** A request as a route handler sees it. */
@ProviderType
public interface ApiRequest {

    /** The value of a {@code {name}} segment of the route's path. */
    String pathParameter(String name);

    /** A query parameter, if present. */
    Optional<String> query(String name);

    /**
     * A boolean query parameter: absent means {@code false}.
     *
     * @throws ProblemException 400 if present with a value other than {@code true} or {@code false}
     */
    boolean flag(String name) throws ProblemException;

    /**
     * A whole-number query parameter within bounds, such as a page size.
     *
     * @param otherwise the value when the parameter is absent
     * @throws ProblemException 400 naming the parameter and its bounds if it is not a whole number from min to max
     * @since 2.2
     */
    default int number(String name, int min, int max, int otherwise) throws ProblemException {
        Optional<String> given = query(name);
        if (given.isEmpty()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(given.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.badRequest(name + " is '" + given.get() + "'; give a whole number from " + min + " to " + max
                + " (default " + otherwise + ").");
    }

    /** A request header, if present. */
    Optional<String> header(String name);

    /**
     * The version of the record the client read, from its {@code If-Match} header: the
     * {@code ETag} a response {@linkplain ApiResponse#withETag(long) gave} it, e.g. {@code "3"}.
     * Routes that change an editable record call this before changing anything.
     *
     * @throws ProblemException 428 if the header is missing (the client must say which version
     *                          it changes), 400 if it does not name one version
     * @since 1.1
     */
    long ifMatchVersion() throws ProblemException;

    /** The address of the client, as seen by the server. */
    String remoteAddress();

    /**
     * True if the request came over TLS (HTTPS).
     *
     * @since 2.0
     */
    boolean secure();

    /**
     * The signed-in user the request comes from. Always present on routes that need a
     * {@linkplain Access#role role}; always empty on routes open to {@linkplain Access#ANYONE anyone}.
     *
     * @since 2.0
     */
    Optional<Caller> caller();

    /**
     * Says what this request changed, for the audit trail. Every request that changes something
     * (POST, PUT, PATCH, DELETE answered 2xx) is recorded with who made it, when, from where
     * and through which module; a handler calls this to add which record it changed and how.
     * Summaries are written as JSON; leave secrets such as passwords out of them.
     *
     * @param entity the kind of record, e.g. {@code note}, {@code user}, {@code module}
     * @param id     the record's id
     * @param before the record (or a summary of it) before the change; {@code null} if it was created
     * @param after  the record (or a summary) after the change; {@code null} if it was deleted
     * @since 2.0
     */
    void audit(String entity, String id, Object before, Object after);

    /**
     * The JSON body read as an object of the given type.
     *
     * @throws ProblemException 400 if the body is missing or not valid JSON for that type
     */
    <T> T body(Class<T> type) throws ProblemException;

    /**
     * The uploaded file: either the raw request body or, for {@code multipart/form-data}, the
     * first part that carries a file. It is stored in a temporary file that is deleted once the
     * response has been written.
     *
     * @param acceptedTypes the content types accepted for a raw body, e.g. {@code application/java-archive}
     * @param maxBytes      the largest file accepted
     * @throws ProblemException 415 for another content type, 413 if larger than {@code maxBytes},
     *                          400 if there is no file
     */
    Path uploadedFile(Set<String> acceptedTypes, long maxBytes) throws ProblemException;
}
