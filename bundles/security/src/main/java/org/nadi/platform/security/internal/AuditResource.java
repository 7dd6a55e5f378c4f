package org.nadi.platform.security.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.nadi.platform.storage.api.Database;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reading the audit trail, for administrators: {@code GET /api/v1/audit}, newest first, with
 * the filters {@code module}, {@code user} (who made the change), {@code entity},
 * {@code entityId}, {@code from} and {@code to} (ISO-8601 instants such as
 * {@code 2026-03-01T09:00:00Z}, or dates such as {@code 2026-03-01}: {@code from} a date means
 * from its start, {@code to} a date up to its end, both in UTC), and {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}). The answer's {@code next} is the link
 * to the following page ({@code before=<id>}), null on the last. No route changes the trail.
 */
@Component(service = RestResource.class)
public final class AuditResource implements RestResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String AUDIT = "/api/v1/audit";

    private final Database database;

    @Activate
    public AuditResource(@Reference Database database) {
        this.database = database;
    }

    /**
     * One page of the audit trail.
     *
     * @param next the link to the next (older) page; null if there is none
     */
    public record AuditPage(List<AuditTable.AuditRecord> entries, String next) {
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.get(AUDIT, Access.role(Role.ADMINISTRATOR), this::page);
    }

    private ApiResponse page(ApiRequest request) throws ProblemException {
        int limit = request.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Optional<String> from = moment(request, "from").map(moment -> UtcTime.of(moment.start()));
        Optional<String> until = moment(request, "to").map(moment -> UtcTime.of(moment.end()));
        AuditTable.Filter filter = new AuditTable.Filter(text(request, "module"), text(request, "user"), text(request, "entity"),
                text(request, "entityId"), from, until, before(request), limit + 1);
        List<AuditTable.AuditRecord> records;
        try {
            records = database.read(connection -> AuditTable.query(connection, filter));
        } catch (SQLException failed) {
            System.getLogger(AuditResource.class.getName()).log(System.Logger.Level.ERROR, "Reading the audit trail failed", failed);
            throw new ProblemException(503, "storage-unavailable", "Storage unavailable",
                    "The audit trail could not be read just now; try again shortly.");
        }
        if (records.size() <= limit) {
            return ApiResponse.ok(new AuditPage(records, null));
        }
        List<AuditTable.AuditRecord> page = records.subList(0, limit);
        return ApiResponse.ok(new AuditPage(page, nextLink(request, limit, page.get(limit - 1).id())));
    }

    private static Optional<String> text(ApiRequest request, String name) {
        return request.query(name).filter(value -> !value.isEmpty());
    }

    private static Optional<Long> before(ApiRequest request) throws ProblemException {
        Optional<String> before = request.query("before");
        if (before.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(before.get().trim()));
        } catch (NumberFormatException notANumber) {
            throw ProblemException.badRequest("before is '" + before.get() + "'; it is the id of a record, as in the 'next' link"
                    + " of the previous page.");
        }
    }

    /** What a {@code from} or {@code to} value names: an instant, or a whole day in UTC. */
    private record Moment(Instant start, boolean wholeDay) {

        /** The first moment after what it names. */
        Instant end() {
            return wholeDay ? start.plus(1, ChronoUnit.DAYS) : start.plusMillis(1);
        }
    }

    private static Optional<Moment> moment(ApiRequest request, String parameter) throws ProblemException {
        Optional<String> given = request.query(parameter).map(String::trim).filter(value -> !value.isEmpty());
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String value = given.get();
        try {
            return Optional.of(new Moment(Instant.parse(value).truncatedTo(ChronoUnit.MILLIS), false));
        } catch (DateTimeParseException notAnInstant) {
            // try the other forms
        }
        try {
            return Optional.of(new Moment(OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MILLIS), false));
        } catch (DateTimeParseException notWithOffset) {
            // try a date
        }
        try {
            return Optional.of(new Moment(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), true));
        } catch (DateTimeParseException notADate) {
            throw ProblemException.badRequest(parameter + " is '" + value + "'; give an ISO-8601 instant such as"
                    + " 2026-03-01T09:00:00Z (or with an offset, 2026-03-01T16:00:00+07:00) or a date such as 2026-03-01 (UTC).");
        }
    }

    /** The link to the page after the one answered: the same filters, older records. */
    private static String nextLink(ApiRequest request, int limit, long lastId) {
        List<String> parameters = new ArrayList<>();
        for (String name : List.of("module", "user", "entity", "entityId", "from", "to")) {
            request.query(name).ifPresent(value -> parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        parameters.add("limit=" + limit);
        parameters.add("before=" + lastId);
        return AUDIT + "?" + String.join("&", parameters);
    }
}
