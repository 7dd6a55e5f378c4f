package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * Optimistic concurrency end to end, with the example module's notes: an update names the
 * version it read in If-Match; a stale one gets 412 and overwrites nothing, a missing one 428.
 * Also the list of the newest notes that the workbench's Notes view shows.
 */
@Timeout(120)
class NoteVersionsIT {

    @ParameterizedTest
    @ValueSource(strings = {Engines.SQLITE, Engines.POSTGRESQL})
    void aStaleIfMatchGets412AndChangesNothing(String engine) throws IOException {
        try (NadiRuntime runtime = Engines.runtime(engine, "note-versions").start()) {
            HttpAnswer created = runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"Agenda: maritime security\"}").assertJson(201);
            String note = created.location();
            assertEquals("\"1\"", created.etag(), created::toString);

            HttpAnswer alice = runtime.admin().putJson(note, "{\"text\": \"Agenda: maritime security, HADR\"}", "\"1\"").assertJson(200);
            assertEquals("\"2\"", alice.etag(), alice::toString);
            HttpAnswer bob = runtime.admin().putJson(note, "{\"text\": \"Agenda: cyber security\"}", "\"1\"").assertProblem(412);
            assertTrue(bob.detail().contains("version 2"), bob::toString);

            HttpAnswer now = runtime.admin().get(note).assertJson(200);
            assertEquals("Agenda: maritime security, HADR", now.object().get("text").getAsString());
            assertEquals("\"2\"", now.etag());
            runtime.admin().putJson(note, "{\"text\": \"no If-Match\"}", null).assertProblem(428);
            runtime.admin().putJson(note, "{\"text\": \"bad If-Match\"}", "W/\"2\"").assertProblem(400);
            assertEquals("Agenda: maritime security, HADR", runtime.admin().get(note).object().get("text").getAsString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Engines.SQLITE})
    void inputIsValidatedAtTheEdge(String engine) throws IOException {
        try (NadiRuntime runtime = Engines.runtime(engine, "note-input").start()) {
            assertTrue(runtime.admin().postJson("/api/v1/example/notes", "{}").assertProblem(400).detail().contains("text"));
            runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"  \"}").assertProblem(400);
            String tooLong = "x".repeat(10_001);
            assertTrue(runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"" + tooLong + "\"}").assertProblem(400)
                    .detail().contains("10000"));
            runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"" + "x".repeat(10_000) + "\"}").assertJson(201);
            runtime.admin().get("/api/v1/example/notes/999999").assertProblem(404);
            runtime.admin().get("/api/v1/example/notes/first").assertProblem(404);
            runtime.admin().putJson("/api/v1/example/notes/999999", "{\"text\": \"gone\"}", "\"1\"").assertProblem(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Engines.SQLITE, Engines.POSTGRESQL})
    void theListShowsTheNewestNotesFirstUpToTheLimit(String engine) throws IOException {
        try (NadiRuntime runtime = Engines.runtime(engine, "note-list").start()) {
            assertEquals(0, runtime.admin().get("/api/v1/example/notes").assertJson(200).json().getAsJsonArray().size());
            for (String text : List.of("first", "second", "third")) {
                runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"" + text + "\"}").assertJson(201);
            }
            assertEquals(List.of("third", "second", "first"), texts(runtime.admin().get("/api/v1/example/notes").assertJson(200)));
            assertEquals(List.of("third", "second"), texts(runtime.admin().get("/api/v1/example/notes?limit=2").assertJson(200)));
            for (String limit : List.of("0", "101", "many")) {
                HttpAnswer refused = runtime.admin().get("/api/v1/example/notes?limit=" + limit).assertProblem(400);
                assertTrue(refused.detail().contains("1 to 100"), refused::toString);
            }
        }
    }

    private static List<String> texts(HttpAnswer answer) {
        JsonArray notes = answer.json().getAsJsonArray();
        List<String> texts = new ArrayList<>();
        for (JsonElement note : notes) {
            texts.add(note.getAsJsonObject().get("text").getAsString());
        }
        return texts;
    }
}
