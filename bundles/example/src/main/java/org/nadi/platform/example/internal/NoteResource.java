package org.nadi.platform.example.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.StaleVersionException;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notes in the platform database, the example of an editable record: {@code POST
 * /api/v1/example/notes} creates one (201 with its ETag), {@code GET …/notes} lists the newest
 * ({@code ?limit=N}, at most {@value #MAX_LIMIT}), {@code GET …/notes/{id}} reads it
 * with its ETag, {@code PUT …/notes/{id}} changes it only with the ETag last read in
 * {@code If-Match} (428 without, 412 if someone changed it meanwhile). Every signed-in user
 * reads notes; delegates and above write them, and each change goes to the audit trail.
 *
 * <p>A note belongs to its author's institution: a delegate changes only their own
 * institution's notes (the per-institution rule of {@link Caller#requireEditFor}).
 */
@Component(service = RestResource.class)
public final class NoteResource implements RestResource {

    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_LIMIT = 100;
    private static final String NOTES = "/api/v1/example/notes";
    private static final Access READERS = Access.role(Role.OBSERVER);
    private static final Access WRITERS = Access.role(Role.DELEGATE);

    private final Database database;

    @Activate
    public NoteResource(@Reference Database database) {
        this.database = database;
    }

    /** A note as the API shows it. */
    public record Note(long id, String text, String institution, long version, String createdAt) {
    }

    /** A note before and after a change. */
    private record Edit(Note before, Note after) {
    }

    /** What a client sends to create or change a note. */
    public record NoteInput(String text) {
    }

    @Override
    public void declareRoutes(Routes routes) {
        routes.post(NOTES, WRITERS, request -> {
            String text = validText(request);
            String institution = request.caller().flatMap(Caller::institution).orElse(null);
            Note note = storage(() -> database.inTransaction(connection -> insert(connection, text, institution)));
            request.audit("note", String.valueOf(note.id()), null, note);
            return ApiResponse.created(NOTES + "/" + note.id(), note).withETag(note.version());
        });
        routes.get(NOTES, READERS, request -> {
            int limit = request.number("limit", 1, MAX_LIMIT, MAX_LIMIT);
            return ApiResponse.ok(storage(() -> database.read(connection -> newest(connection, limit))));
        });
        routes.get(NOTES + "/{id}", READERS, request -> {
            long id = idOf(request);
            Note note = storage(() -> database.read(connection -> find(connection, id))).orElseThrow(() -> notFound(id));
            return ApiResponse.ok(note).withETag(note.version());
        });
        routes.put(NOTES + "/{id}", WRITERS, request -> {
            long id = idOf(request);
            long expectedVersion = request.ifMatchVersion();
            String text = validText(request);
            Caller caller = request.caller().orElseThrow();
            Note current = storage(() -> database.read(connection -> find(connection, id))).orElseThrow(() -> notFound(id));
            caller.requireEditFor(current.institution());
            Edit edit = storage(() -> database.inTransaction(connection -> {
                Note before = find(connection, id).orElse(null);
                database.updateVersioned(connection, "example_notes", id, expectedVersion, Map.of("text", text));
                return new Edit(before, find(connection, id).orElseThrow());
            }));
            request.audit("note", String.valueOf(id), edit.before(), edit.after());
            return ApiResponse.ok(edit.after()).withETag(edit.after().version());
        });
    }

    private static String validText(ApiRequest request) throws ProblemException {
        NoteInput input = request.body(NoteInput.class);
        if (input == null || input.text() == null || input.text().isBlank()) {
            throw ProblemException.badRequest("A note needs a text: send {\"text\": \"...\"}.");
        }
        if (input.text().length() > MAX_TEXT_LENGTH) {
            throw ProblemException.badRequest("The text has " + input.text().length() + " characters; a note has at most "
                    + MAX_TEXT_LENGTH + ".");
        }
        return input.text();
    }

    private static long idOf(ApiRequest request) throws ProblemException {
        String id = request.pathParameter("id");
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notANumber) {
            throw ProblemException.notFound("There is no note '" + id + "'; note ids are numbers.");
        }
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("There is no note " + id + ".");
    }

    private static Note insert(Connection connection, String text, String institution) throws SQLException {
        String createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO example_notes (text, institution, version, created_at) VALUES (?, ?, 1, ?) RETURNING id")) {
            insert.setString(1, text);
            insert.setString(2, institution);
            insert.setString(3, createdAt);
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return new Note(key.getLong(1), text, institution, 1, createdAt);
            }
        }
    }

    /** The newest notes first; ids break ties between notes created in the same millisecond. */
    private static List<Note> newest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, text, institution, version, created_at FROM example_notes ORDER BY created_at DESC, id DESC LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                List<Note> notes = new ArrayList<>();
                while (rows.next()) {
                    notes.add(note(rows));
                }
                return notes;
            }
        }
    }

    private static Optional<Note> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, text, institution, version, created_at FROM example_notes WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(note(row)) : Optional.empty();
            }
        }
    }

    /** The note in the current row of a query that selects id, text, institution, version, created_at. */
    private static Note note(ResultSet row) throws SQLException {
        return new Note(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5));
    }

    @FunctionalInterface
    private interface StorageWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs storage work. A stale version is the client's 412 (or 404 if the note is gone); any
     * other database failure is the server's problem, answered 503 without internals.
     */
    private static <T> T storage(StorageWork<T> work) throws ProblemException {
        try {
            return work.run();
        } catch (StaleVersionException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw ProblemException.notFound(stale.getMessage());
            }
            throw ProblemException.staleVersion("The note is at version " + stale.currentVersion().getAsLong() + ", not "
                    + stale.expectedVersion() + ": someone changed it since you read it. Nothing was changed; GET it again and"
                    + " reapply your change with its new ETag.");
        } catch (SQLException failed) {
            System.getLogger(NoteResource.class.getName()).log(System.Logger.Level.ERROR, "Storage failed", failed);
            throw new ProblemException(503, "storage-unavailable", "Storage unavailable",
                    "The notes could not be read or written just now; try again shortly.");
        }
    }
}
