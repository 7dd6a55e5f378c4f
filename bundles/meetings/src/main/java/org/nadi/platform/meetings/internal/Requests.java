package org.nadi.platform.meetings.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.storage.api.StaleVersionException;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ProblemException;

import com.google.gson.JsonElement;

/**
 * What both REST resources of the module read from a request, and how they answer what went
 * wrong: every 4xx names the {@code field} at fault — a body's field, a query parameter, a
 * path parameter or {@code If-Match}.
 */
final class Requests {

    private static final System.Logger LOG = System.getLogger(Requests.class.getName());

    private Requests() {
    }

    /** The request's JSON body, whatever its shape. */
    static JsonElement body(ApiRequest request) throws ProblemException {
        return request.body(JsonElement.class);
    }

    /** The meeting version the client read, from {@code If-Match}: 428 if missing, 400 if malformed, both naming it. */
    static long ifMatch(ApiRequest request) throws ProblemException {
        try {
            return request.ifMatchVersion();
        } catch (ProblemException problem) {
            throw withField(problem, "If-Match");
        }
    }

    /** A whole-number query parameter within bounds; 400 naming it otherwise. */
    static int number(ApiRequest request, String name, int min, int max, int otherwise) throws ProblemException {
        try {
            return request.number(name, min, max, otherwise);
        } catch (ProblemException problem) {
            throw withField(problem, name);
        }
    }

    /** A query parameter, trimmed; empty if absent or blank. */
    static Optional<String> text(ApiRequest request, String name) {
        return request.query(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A date query parameter, yyyy-mm-dd; {@code null} if absent. */
    static LocalDate date(ApiRequest request, String name) throws ProblemException {
        Optional<String> value = text(request, name);
        return value.isEmpty() ? null : run(() -> JsonInput.date(name, value.get()));
    }

    /** A query parameter that must be one of the values; {@code null} if absent. */
    static String oneOf(ApiRequest request, String name, List<String> allowed) throws ProblemException {
        Optional<String> value = text(request, name);
        return value.isEmpty() ? null : run(() -> JsonInput.oneOf(name, value.get(), allowed));
    }

    /** A whole-number path parameter, such as an item's id; 404 naming it if it is none. */
    static long pathNumber(ApiRequest request, String name, String what) throws ProblemException {
        String value = request.pathParameter(name);
        try {
            long number = Long.parseLong(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Refused.notFound(name, "There is no " + what + " '" + value + "'; its ids are whole numbers from 1.").problem();
    }

    static ProblemException withField(ProblemException problem, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>(problem.extensions());
        extensions.putIfAbsent("field", field);
        ProblemException named = new ProblemException(problem.status(), problem.type(), problem.title(), problem.detail(), extensions);
        problem.headers().forEach(named::withHeader);
        return named;
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs the module's work. A refusal is the client's 4xx naming the field; a stale version
     * its 412 naming {@code If-Match} (404 if the meeting is gone); any other database failure
     * the server's 503, without internals.
     */
    static <T> T run(Work<T> work) throws ProblemException {
        try {
            return work.run();
        } catch (Refused refused) {
            throw refused.problem();
        } catch (StaleVersionException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw Refused.notFound("id", "The meeting no longer exists.").problem();
            }
            throw withField(ProblemException.staleVersion("The meeting is at version " + stale.currentVersion().getAsLong() + ", not "
                    + stale.expectedVersion() + ": someone changed it since you read it. Nothing was changed; GET it again and"
                    + " reapply your change with its new ETag."), "If-Match");
        } catch (SQLException failed) {
            LOG.log(System.Logger.Level.ERROR, "Storage failed", failed);
            throw new ProblemException(503, "storage-unavailable", "Storage unavailable",
                    "The meetings could not be read or written just now; try again shortly.");
        }
    }
}
