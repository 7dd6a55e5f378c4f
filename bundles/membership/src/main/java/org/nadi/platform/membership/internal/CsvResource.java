package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * People and institutions as CSV files: {@code GET /api/v1/membership/people.csv} and
 * {@code institutions.csv} (observers; {@code at=} keeps the records that held that day) export
 * them; {@code POST} to the same address (secretariat) imports a file, all or nothing: any row
 * that breaks a rule is answered 422 with every error's line and column, and nothing changes.
 * See {@code docs/membership.md}.
 */
@Component(service = RestResource.class)
public final class CsvResource implements RestResource {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    private static final Set<String> CSV_TYPES = Set.of("text/csv");
    private static final String CSV_TYPE = "text/csv; charset=utf-8";

    private final MembershipCsv csv;
    private final MembershipChanges changes;
    private final JsonTrees json = new JsonTrees();

    @Activate
    public CsvResource(@Reference Database database, @Reference MembershipChanges changes) {
        this.csv = new MembershipCsv(database);
        this.changes = changes;
    }

    @Override
    public void declareRoutes(Routes routes) {
        declare(routes, "people", csv.people());
        declare(routes, "institutions", csv.institutions());
    }

    private <T> void declare(Routes routes, String name, MembershipCsv.Table<T> table) {
        String address = MembershipResource.BASE + "/" + name + ".csv";
        routes.get(address, Access.role(Role.OBSERVER), request -> {
            LocalDate at = at(request);
            Path file = MembershipResource.storage(() -> {
                try {
                    Path written = Files.createTempFile("membership-", ".csv");
                    try (Writer out = Files.newBufferedWriter(written, StandardCharsets.UTF_8)) {
                        csv.export(table, out, at);
                    }
                    return written;
                } catch (IOException unwritable) {
                    throw new IllegalStateException("The export could not be written to a temporary file", unwritable);
                }
            });
            String fileName = name + (at == null ? "" : "-" + at) + ".csv";
            return ApiResponse.download(new ApiResponse.Download(file, CSV_TYPE, fileName, true));
        });
        routes.post(address, Access.role(Role.SECRETARIAT), request -> {
            List<Csv.Row> rows = rows(request.uploadedFile(CSV_TYPES, MAX_BYTES));
            MembershipCsv.Imported imported = MembershipResource.storage(() -> csv.load(table, rows, LocalDate.now()));
            if (!imported.errors().isEmpty()) {
                throw refused(imported.errors());
            }
            for (MembershipCsv.Change change : imported.changes()) {
                request.audit(table.entity(), change.id(), json.tree(change.before()), json.tree(change.after()));
                if (change.before() == null) {
                    changes.created(table.entity(), change.id());
                } else {
                    changes.changed(table.entity(), change.id());
                }
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("created", imported.created());
            answer.put("updated", imported.updated());
            answer.put("unchanged", imported.unchanged());
            return ApiResponse.ok(answer);
        });
    }

    private static LocalDate at(ApiRequest request) throws ProblemException {
        Optional<String> at = request.query("at");
        if (at.isEmpty()) {
            return null;
        }
        try {
            return Inputs.date("at", at.get());
        } catch (RecordRefused refusal) {
            throw MembershipResource.problem(refusal);
        }
    }

    /** The file's records; 400 if it is not UTF-8, 413 past the row limit, 422 if it is not CSV. */
    private static List<Csv.Row> rows(Path file) throws ProblemException {
        List<Csv.Row> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.read(in);
        } catch (CharacterCodingException notUtf8) {
            throw ProblemException.badRequest("The file is not UTF-8 text; save it as \"CSV UTF-8\" and send it again.");
        } catch (IOException unreadable) {
            throw ProblemException.badRequest("The upload could not be read: " + unreadable.getMessage());
        } catch (Csv.Malformed malformed) {
            throw refused(List.of(new MembershipCsv.RowError(malformed.line(), null, malformed.getMessage())));
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new ProblemException(413, "too-many-rows", "Too many rows", "The file has " + (rows.size() - 1)
                    + " rows; at most " + MAX_ROWS + " are imported at once. Split it into several files.");
        }
        return rows;
    }

    /** 422 listing every error; nothing was changed. */
    private static ProblemException refused(List<MembershipCsv.RowError> errors) {
        List<Map<String, Object>> listed = new ArrayList<>();
        for (MembershipCsv.RowError error : errors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", error.line());
            entry.put("field", error.field());
            entry.put("message", error.message());
            listed.add(entry);
        }
        MembershipCsv.RowError first = errors.get(0);
        return new ProblemException(422, "invalid-rows", "The file has rows that break the rules", errors.size()
                + (errors.size() == 1 ? " error" : " errors") + ", the first on line " + first.line() + ": " + first.message()
                + " Nothing was changed; correct the file and send it again.", Map.of("errors", listed));
    }
}
