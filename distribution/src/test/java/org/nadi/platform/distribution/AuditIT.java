package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The audit trail: every change through REST or the shell is recorded with who, when, from
 * where, through which module, on which record and how; administrators filter it; nobody edits it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class AuditIT {

    private static final String AUDIT = "/api/v1/audit";

    private NadiRuntime runtime;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("audit").shell().start();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private List<JsonObject> entries(String query) {
        HttpAnswer answer = runtime.admin().get(AUDIT + query).assertJson(200);
        List<JsonObject> entries = new ArrayList<>();
        for (JsonElement entry : answer.object().getAsJsonArray("entries")) {
            entries.add(entry.getAsJsonObject());
        }
        return entries;
    }

    private static String text(JsonObject entry, String member) {
        return entry.has(member) && !entry.get(member).isJsonNull() ? entry.get(member).getAsString() : "";
    }

    @Test
    void aNoteCreatedAndChangedIsRecordedWithWhoWhereAndHow() {
        Instant before = Instant.now().minusSeconds(1);
        HttpAnswer created = runtime.admin().postJson("/api/v1/example/notes", "{\"text\": \"first words\"}").assertJson(201);
        String id = created.object().get("id").getAsString();
        runtime.admin().putJson(created.location(), "{\"text\": \"second words\"}", created.etag()).assertJson(200);

        List<JsonObject> changes = entries("?module=example&entity=note&entityId=" + id + "&from=" + before);
        assertEquals(2, changes.size(), changes::toString);
        JsonObject update = changes.get(0);
        JsonObject creation = changes.get(1);
        for (JsonObject entry : changes) {
            assertEquals(NadiRuntime.ADMIN, text(entry, "actor"), entry::toString);
            assertEquals("127.0.0.1", text(entry, "address"), entry::toString);
            assertEquals("example", text(entry, "module"), entry::toString);
            assertTrue(Instant.parse(text(entry, "at")).isAfter(before), entry::toString);
        }
        assertEquals("POST /api/v1/example/notes", text(creation, "action"), creation::toString);
        assertEquals("", text(creation, "before"), creation::toString);
        assertTrue(text(creation, "after").contains("first words"), creation::toString);
        assertTrue(text(update, "action").startsWith("PUT /api/v1/example/notes/"), update::toString);
        assertTrue(text(update, "before").contains("first words") && text(update, "after").contains("second words"), update::toString);
    }

    @Test
    void moduleActionsThroughRestAndTheShellAreRecorded() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        runtime.admin().post("/api/v1/modules/example/disable").assertJson(200);
        assertTrue(runtime.shell("nadi:enable example", "(enabled|error:).*\n").contains("enabled example"), runtime::output);

        List<JsonObject> actions = entries("?entity=module&entityId=example&from=" + before);
        assertEquals(2, actions.size(), actions::toString);
        JsonObject byShell = actions.get(0);
        JsonObject byRest = actions.get(1);
        assertEquals(NadiRuntime.ADMIN, text(byRest, "actor"), byRest::toString);
        assertTrue(text(byRest, "before").contains("ENABLED") && text(byRest, "after").contains("DISABLED"), byRest::toString);
        assertEquals("console", text(byShell, "actor"), byShell::toString);
        assertEquals("nadi:enable example", text(byShell, "action"), byShell::toString);
        assertTrue(text(byShell, "after").contains("ENABLED"), byShell::toString);
    }

    @Test
    void theTrailFiltersByUserAndTimeAndRefusesBadFilters() {
        ApiClient secretary = Accounts.create(runtime, "audited-secretary", "secretariat", null);
        secretary.postJson("/api/v1/example/notes", "{\"text\": \"by the secretariat\"}").assertJson(201);

        List<JsonObject> theirs = entries("?user=audited-secretary");
        assertTrue(theirs.stream().anyMatch(entry -> text(entry, "after").contains("by the secretariat")), theirs::toString);
        assertTrue(theirs.stream().allMatch(entry -> text(entry, "actor").equals("audited-secretary")), theirs::toString);
        assertTrue(entries("?from=" + Instant.now().plusSeconds(3600)).isEmpty());
        assertTrue(entries("?limit=1").size() == 1);

        assertTrue(runtime.admin().get(AUDIT + "?from=yesterday").assertProblem(400).detail().contains("from"));
        secretary.get(AUDIT).assertProblem(403);
    }

    @Test
    void nothingEditsTheTrail() {
        assertTrue(entries("?limit=5").size() > 0);
        runtime.admin().send("PUT", AUDIT, "application/json", "[]".getBytes()).assertProblem(405);
        runtime.admin().delete(AUDIT).assertProblem(405);
        runtime.admin().send("PATCH", AUDIT, "application/json", "{}".getBytes()).assertProblem(405);
        runtime.admin().delete(AUDIT + "/1").assertProblem(404);
    }
}
