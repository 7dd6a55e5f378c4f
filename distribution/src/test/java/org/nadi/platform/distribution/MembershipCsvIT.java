package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * People and institutions as CSV in the packaged runtime: an export imported again changes
 * nothing, a file with one bad row among good ones is refused naming the line and column and
 * changes nothing, a good one is applied and audited, and only the secretariat imports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class MembershipCsvIT {

    private static final String BASE = "/api/v1/membership";
    private static final String PEOPLE_HEADER = "id,honorific,rank,name,pronoun,institution,position,from,to\r\n";

    private NadiRuntime runtime;
    private ApiClient secretariat;
    private ApiClient observer;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("membership-csv").start();
        secretariat = Accounts.create(runtime, "secretariat-one", "secretariat", null);
        observer = Accounts.create(runtime, "observer-one", "observer", null);
        secretariat.post(BASE + "/reference-data").assertJson(200);
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private HttpAnswer exported(String table) {
        HttpAnswer answer = observer.get(BASE + "/" + table + ".csv").assertStatus(200);
        assertEquals("text/csv;charset=utf-8", answer.contentType().replace(" ", "").toLowerCase(), answer::toString);
        assertEquals("attachment; filename=\"" + table + ".csv\"", answer.header("Content-Disposition"));
        return answer;
    }

    private HttpAnswer imported(ApiClient client, String table, String csv) {
        return client.post(BASE + "/" + table + ".csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anExportImportedAgainChangesNothing() {
        for (String table : new String[] {"institutions", "people"}) {
            String before = exported(table).body();
            assertTrue(before.startsWith("\uFEFFid,"), before);
            HttpAnswer again = imported(secretariat, table, before).assertJson(200);
            assertEquals(0, again.object().getAsJsonArray("created").size(), again::toString);
            assertEquals(0, again.object().getAsJsonArray("updated").size(), again::toString);
            assertTrue(again.object().get("unchanged").getAsInt() > 5, again::toString);
            assertEquals(before, exported(table).body());
        }
        assertTrue(exported("people").body().contains("nem-sowathey,,LTG,Nem Sowathey,she,kh-gdpfa,"));
    }

    @Test
    void aFileWithOneBadRowAmongGoodOnesIsRefusedNamingItsLineAndChangesNothing() {
        String before = exported("people").body();
        HttpAnswer refused = imported(secretariat, "people", PEOPLE_HEADER
                + "nguyen-thi-lan,,,Nguyễn Thị Lan,she,kh-gdpfa,\"Researcher, cyber\",2020-01-01,\r\n"
                + "ly-meng,,,Ly Meng,he,kh-gdpfa,Deputy Director,2024-09-18,2024-01-01\r\n"
                + "sok-dara,,,Sok Dara,he,kh-gdpfa,,2024-09-18,\r\n").assertProblem(422);
        JsonArray errors = refused.object().getAsJsonArray("errors");
        assertEquals(1, errors.size(), refused::toString);
        JsonObject error = errors.get(0).getAsJsonObject();
        assertEquals(3, error.get("line").getAsInt(), refused::toString);
        assertEquals("to", error.get("field").getAsString(), refused::toString);
        assertTrue(refused.detail().contains("Nothing was changed"), refused::toString);
        assertEquals(before, exported("people").body());
        observer.get(BASE + "/people/nguyen-thi-lan").assertProblem(404);
    }

    @Test
    void aGoodFileUploadedFromAFormIsAppliedAndAudited(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("people.csv");
        Files.writeString(file, PEOPLE_HEADER + "pham-thu-ha,Dr.,,Phạm Thu Hà,she,kh-gdpfa,\"Fellow, \"\"Cyber\"\"\",2025-01-01,\r\n");
        HttpAnswer done = secretariat.postMultipart(BASE + "/people.csv", "file", file).assertJson(200);
        assertEquals("[\"pham-thu-ha\"]", done.object().getAsJsonArray("created").toString(), done::toString);
        JsonObject person = observer.get(BASE + "/people/pham-thu-ha").assertJson(200).object();
        assertEquals("Phạm Thu Hà", person.get("name").getAsString());
        assertEquals("Fellow, \"Cyber\"", person.getAsJsonObject("affiliation").get("position").getAsString());
        JsonArray entries = runtime.admin().get("/api/v1/audit?module=membership&entity=person&entityId=pham-thu-ha").assertJson(200)
                .object().getAsJsonArray("entries");
        assertEquals(1, entries.size(), entries::toString);
    }

    @Test
    void observersExportButOnlyTheSecretariatImports() {
        String people = exported("people").body();
        HttpAnswer refused = imported(observer, "people", people).assertProblem(403);
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused::toString);
        imported(observer, "institutions", exported("institutions").body()).assertProblem(403);
    }

    @Test
    void aFileOverTheRowLimitIsTooLargeAndAnotherTypeUnsupported() {
        String rows = PEOPLE_HEADER + "x,,,X,he,,,,\r\n".repeat(50_001);
        imported(secretariat, "people", rows).assertProblem(413);
        secretariat.post(BASE + "/people.csv", "application/json", "{}".getBytes(StandardCharsets.UTF_8)).assertProblem(415);
        observer.get(BASE + "/people.csv?at=18-09-2024").assertProblem(400);
    }
}
