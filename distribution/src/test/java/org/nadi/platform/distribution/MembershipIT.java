package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nadi.platform.distribution.HttpAnswer.values;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import org.nadi.platform.distribution.fixtures.MembershipEventPrinter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The membership module in the packaged runtime: the shipped reference data loaded over REST
 * (idempotently), the dated questions of issue 5 answered from it, editing with ETag/If-Match,
 * the roles (observers read, the secretariat edits, a delegate edits their own institution's
 * people), the 4xx answers naming the field, and the audit trail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class MembershipIT {

    private static final String BASE = "/api/v1/membership";

    private NadiRuntime runtime;
    private ApiClient secretariat;
    private ApiClient observer;
    private ApiClient khmerDelegate;
    private ApiClient singaporeDelegate;
    private int referenceRecords;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("membership").shell().start();
        secretariat = Accounts.create(runtime, "secretariat-one", "secretariat", null);
        observer = Accounts.create(runtime, "observer-one", "observer", null);
        khmerDelegate = Accounts.create(runtime, "kh-delegate", "delegate", "kh-gdpfa");
        singaporeDelegate = Accounts.create(runtime, "sg-delegate", "delegate", "sg-rsis");
        observer.post(BASE + "/reference-data").assertProblem(403);
        khmerDelegate.post(BASE + "/reference-data").assertProblem(403);
        HttpAnswer loaded = secretariat.post(BASE + "/reference-data").assertJson(200);
        assertEquals(0, sum(loaded.object().getAsJsonObject("alreadyThere")), loaded::toString);
        assertEquals(19, loaded.object().getAsJsonObject("created").get("countries").getAsInt(), loaded::toString);
        referenceRecords = sum(loaded.object().getAsJsonObject("created"));
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    private static int sum(JsonObject counts) {
        return counts.entrySet().stream().mapToInt(entry -> entry.getValue().getAsInt()).sum();
    }



    @Test
    void loadingTheReferenceDataAgainChangesNothing() {
        HttpAnswer again = secretariat.post(BASE + "/reference-data").assertJson(200);
        assertEquals(0, sum(again.object().getAsJsonObject("created")), again::toString);
        assertEquals(referenceRecords, sum(again.object().getAsJsonObject("alreadyThere")), again::toString);
        assertEquals(19, observer.get(BASE + "/countries").assertJson(200).json().getAsJsonArray().size());
    }

    @Test
    void theShellCommandLoadsTheReferenceDataToo() throws IOException {
        runtime.shell("membership:referenceData", "reference data loaded: 0 records created \\{[^}]*\\}, " + referenceRecords
                + " already there");
        JsonArray entries = runtime.admin().get("/api/v1/audit?module=membership&entity=reference-data").assertJson(200).object()
                .getAsJsonArray("entries");
        assertEquals("console", entries.get(0).getAsJsonObject().get("actor").getAsString(), entries::toString);
    }

    @Test
    void aseanHadTenMemberStatesOnTheSeedMeetingsDayAndElevenIn2026() {
        JsonElement in2026 = observer.get(BASE + "/countries?grouping=asean-member&at=2026-01-01").assertJson(200).json();
        assertEquals(11, in2026.getAsJsonArray().size(), in2026::toString);
        assertTrue(values(in2026, "code").contains("TL"));
        JsonElement in2024 = observer.get(BASE + "/countries?grouping=asean-member&at=2024-09-18").assertJson(200).json();
        assertEquals(10, in2024.getAsJsonArray().size(), in2024::toString);
        assertEquals(List.of("TL"), values(observer.get(BASE + "/countries?grouping=asean-observer&at=2024-09-18").json(), "code"));
        assertEquals(8, observer.get(BASE + "/countries?grouping=admm-plus-partner&at=2024-09-18").json().getAsJsonArray().size());
        assertEquals(List.of("KH"), values(observer.get(BASE + "/countries?q=cambodia").json(), "code"));
        observer.get(BASE + "/countries?grouping=asean&at=2026-01-01").assertProblem(400);
        assertEquals("at", observer.get(BASE + "/countries?grouping=asean-member&at=18-09-2024").assertProblem(400).field());
    }

    @Test
    void nadiMembersOnTheSeedMeetingsDay() {
        JsonElement members = observer.get(BASE + "/memberships?body=nadi&at=2024-09-18").assertJson(200).json();
        assertEquals(13, members.getAsJsonArray().size(), members::toString);
        assertTrue(values(members, "institution").containsAll(List.of("kh-gdpfa", "sg-rsis", "vn-ids")), members::toString);
        JsonElement institutions = observer.get(BASE + "/institutions?body=nadi&at=2024-09-18").assertJson(200).json();
        assertEquals(13, institutions.getAsJsonArray().size());
        assertEquals(List.of("kh-gdpfa"), values(observer.get(BASE + "/institutions?country=KH&body=nadi").json(), "id"));
        observer.get(BASE + "/institutions?country=ZZ").assertProblem(422);
        observer.get(BASE + "/memberships?body=no-such-body").assertProblem(422);
    }

    @Test
    void thePostgreSqlEngineGivesTheSameDatedAnswers() throws IOException {
        try (NadiRuntime postgres = Engines.runtime(Engines.POSTGRESQL, "membership-postgres").start()) {
            ApiClient admin = postgres.admin();
            admin.post(BASE + "/reference-data").assertJson(200);
            assertEquals(0, sum(admin.post(BASE + "/reference-data").assertJson(200).object().getAsJsonObject("created")));
            assertEquals(11, admin.get(BASE + "/countries?grouping=asean-member&at=2026-01-01").json().getAsJsonArray().size());
            assertEquals(10, admin.get(BASE + "/countries?grouping=asean-member&at=2024-09-18").json().getAsJsonArray().size());
            assertEquals(13, admin.get(BASE + "/memberships?body=nadi&at=2024-09-18").json().getAsJsonArray().size());
            assertEquals(List.of("nem-sowathey"), values(admin.get(BASE + "/people?q=SOWATHEY").json(), "id"));
        }
    }

    @Test
    void theCyberSecurityEwgIsCoChairedByCambodiaAndAustralia() {
        JsonElement current = observer.get(BASE + "/cochairs?body=ewg-cyber-security").assertJson(200).json();
        assertEquals(1, current.getAsJsonArray().size(), current::toString);
        JsonObject cycle = current.getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("KH", cycle.get("aseanCountry").getAsString());
        assertEquals("AU", cycle.get("plusCountry").getAsString());
        assertEquals(0, observer.get(BASE + "/cochairs?body=ewg-cyber-security&at=2020-01-01").json().getAsJsonArray().size());
    }

    @Test
    void aPersonOfTheSeedReportHasTheirPositionOnTheMeetingsDay() {
        HttpAnswer found = observer.get(BASE + "/people?q=sowathey").assertJson(200);
        assertEquals(List.of("nem-sowathey"), values(found.json(), "id"), found::toString);
        JsonObject person = observer.get(BASE + "/people/nem-sowathey?at=2024-09-18").assertJson(200).object();
        assertEquals("LTG", person.get("rank").getAsString());
        JsonObject affiliation = person.getAsJsonObject("affiliation");
        assertEquals("kh-gdpfa", affiliation.get("institution").getAsString());
        assertTrue(affiliation.get("position").getAsString().startsWith("Deputy Director-General of Policy and Foreign Affairs"),
                person::toString);
        assertTrue(values(observer.get(BASE + "/people?institution=kh-gdpfa&at=2024-09-18").json(), "id").contains("nem-sowathey"));
    }

    @Test
    void theSecretariatEditsWithIfMatchAndEveryChangeIsAudited() {
        observer.postJson(BASE + "/countries", "{\"code\": \"FR\", \"shortName\": \"France\", \"formalName\": \"French Republic\"}")
                .assertProblem(403);
        khmerDelegate.postJson(BASE + "/bodies", "{\"id\": \"x\", \"name\": \"X\", \"kind\": \"network\"}").assertProblem(403);
        HttpAnswer created = secretariat.postJson(BASE + "/countries",
                "{\"code\": \"fr\", \"shortName\": \"France\", \"formalName\": \"French Republic\"}").assertJson(201);
        assertEquals(BASE + "/countries/FR", created.location().replaceFirst("^https?://[^/]+", ""));
        assertEquals("\"1\"", created.etag());
        String standing = "{\"code\": \"FR\", \"shortName\": \"France\", \"formalName\": \"French Republic\", \"standings\":"
                + " [{\"grouping\": \"admm-plus-partner\", \"from\": \"2030-01-01\", \"to\": null}]}";
        secretariat.putJson(BASE + "/countries/FR", standing, null).assertProblem(428);
        HttpAnswer changed = secretariat.putJson(BASE + "/countries/FR", standing, "\"1\"").assertJson(200);
        assertEquals("\"2\"", changed.etag());
        secretariat.putJson(BASE + "/countries/FR", standing, "\"1\"").assertProblem(412);
        assertEquals(8, observer.get(BASE + "/countries?grouping=admm-plus-partner&at=2029-12-31").json().getAsJsonArray().size());
        assertEquals(9, observer.get(BASE + "/countries?grouping=admm-plus-partner&at=2030-01-01").json().getAsJsonArray().size());
        observer.delete(BASE + "/countries/FR").assertProblem(403);
        secretariat.withHeader("If-Match", "\"2\"").delete(BASE + "/countries/FR").assertStatus(204);
        observer.get(BASE + "/countries/FR").assertProblem(404);

        JsonArray entries = runtime.admin().get("/api/v1/audit?module=membership&entity=country&entityId=FR").assertJson(200).object()
                .getAsJsonArray("entries");
        assertEquals(3, entries.size(), entries::toString);
        JsonObject update = entries.get(1).getAsJsonObject();
        assertTrue(update.get("before").getAsString().contains("\"standings\":[]"), update::toString);
        assertTrue(update.get("after").getAsString().contains("admm-plus-partner"), update::toString);
    }

    @Test
    void aDelegateEditsOnlyThePeopleOfTheirOwnInstitution() {
        HttpAnswer person = observer.get(BASE + "/people/ly-meng").assertJson(200);
        JsonObject body = person.object();
        body.remove("affiliation");
        body.remove("version");
        body.addProperty("honorific", "Mr.");
        HttpAnswer refused = singaporeDelegate.putJson(BASE + "/people/ly-meng", body.toString(), person.etag()).assertProblem(403);
        assertTrue(refused.detail().contains("kh-gdpfa") && refused.detail().contains("sg-rsis"), refused::toString);
        observer.putJson(BASE + "/people/ly-meng", body.toString(), person.etag()).assertProblem(403);
        HttpAnswer changed = khmerDelegate.putJson(BASE + "/people/ly-meng", body.toString(), person.etag()).assertJson(200);
        assertEquals("Mr.", changed.object().get("honorific").getAsString());

        String newcomer = "{\"id\": \"%s\", \"name\": \"Sok Dara\", \"pronoun\": \"he\", \"affiliations\": [{\"institution\": \"%s\","
                + " \"position\": \"Researcher\", \"from\": \"2025-01-01\", \"to\": null}]}";
        singaporeDelegate.postJson(BASE + "/people", newcomer.formatted("sok-dara", "kh-gdpfa")).assertProblem(403);
        khmerDelegate.postJson(BASE + "/people", newcomer.formatted("sok-dara", "kh-gdpfa")).assertJson(201);
        HttpAnswer duplicate = secretariat.postJson(BASE + "/people", newcomer.formatted("sok-dara-2", "kh-gdpfa")).assertProblem(409);
        assertEquals("sok-dara", duplicate.object().get("existingId").getAsString(), duplicate::toString);
        assertEquals(BASE + "/people/sok-dara", duplicate.object().get("existing").getAsString());
    }

    @Test
    void badInputIsAnsweredWithTheFieldAtFault() {
        assertEquals("country", secretariat.postJson(BASE + "/institutions",
                "{\"id\": \"zz-institute\", \"country\": \"ZZ\", \"names\": [{\"name\": \"Institute\"}]}").assertProblem(422).field());
        assertEquals("to", secretariat.postJson(BASE + "/memberships", "{\"institution\": \"kh-gdpfa\", \"body\": \"admm\","
                + " \"role\": \"observer\", \"from\": \"2025-01-01\", \"to\": \"2024-12-31\"}").assertProblem(422).field());
        HttpAnswer contradicting = secretariat.postJson(BASE + "/memberships", "{\"institution\": \"kh-gdpfa\", \"body\": \"nadi\","
                + " \"role\": \"observer\", \"from\": \"2025-01-01\", \"to\": null}").assertProblem(409);
        assertEquals("urn:nadi:problem:contradicting-membership", contradicting.object().get("type").getAsString());
        assertEquals("institution", secretariat.postJson(BASE + "/memberships", "{\"institution\": \"no-such-institution\","
                + " \"body\": \"nadi\", \"role\": \"member\", \"from\": null, \"to\": null}").assertProblem(422).field());
        assertEquals("body", secretariat.postJson(BASE + "/cochairs", "{\"body\": \"ewg-nowhere\", \"aseanCountry\": \"KH\","
                + " \"plusCountry\": \"AU\", \"from\": \"2027-04-01\", \"to\": null}").assertProblem(422).field());
        secretariat.postJson(BASE + "/people", "{\"id\": \"someone\", \"name\": \"Someone\", \"pronoun\": \"it\"}").assertProblem(400);
        observer.get(BASE + "/institutions/no-such-institution").assertProblem(404);
        observer.get(BASE + "/memberships/first").assertProblem(404);
        HttpAnswer stillUsed = secretariat.withHeader("If-Match", "\"1\"").delete(BASE + "/bodies/nadi").assertProblem(409);
        assertTrue(stillUsed.detail().contains("memberships"), stillUsed::toString);
    }

    @Test
    void changesAreAnnouncedToAnExtensionListeningOnEventAdmin() throws IOException {
        Path jars = Files.createTempDirectory("membership-events");
        Path listener = TestBundle.module("membership-listener").activator(MembershipEventPrinter.class)
                .set("Import-Package", "org.osgi.framework, org.osgi.service.event").writeTo(jars, "listener.jar");
        runtime.admin().postJar("/api/v1/modules", listener).assertJson(201);

        secretariat.postJson(BASE + "/bodies", "{\"id\": \"ewg-space\", \"name\": \"EWG on Space\", \"kind\": \"working-group\"}")
                .assertJson(201);
        secretariat.putJson(BASE + "/bodies/ewg-space", "{\"id\": \"ewg-space\", \"name\": \"EWG on Outer Space\","
                + " \"kind\": \"working-group\"}", "\"1\"").assertJson(200);
        secretariat.withHeader("If-Match", "\"2\"").delete(BASE + "/bodies/ewg-space").assertStatus(204);
        JsonObject cycle = observer.get(BASE + "/cochairs?body=ewg-cyber-security").assertJson(200).json().getAsJsonArray().get(0)
                .getAsJsonObject();
        secretariat.withHeader("If-Match", "\"" + cycle.get("version").getAsString() + "\"")
                .delete(BASE + "/cochairs/" + cycle.get("id").getAsString()).assertStatus(204);
        secretariat.post(BASE + "/reference-data").assertJson(200);

        String cycleId = cycle.get("id").getAsString();
        List<String> expected = List.of(
                "org/nadi/platform/membership/body/CREATED kind=body id=ewg-space",
                "org/nadi/platform/membership/body/CHANGED kind=body id=ewg-space",
                "org/nadi/platform/membership/body/DELETED kind=body id=ewg-space",
                "org/nadi/platform/membership/cochair-cycle/DELETED kind=cochair-cycle id=" + cycleId,
                "org/nadi/platform/membership/LOADED kind=null id=null created=1");
        runtime.eventually(Duration.ofSeconds(5), "the listener printed " + expected, () -> printedEvents().size() >= expected.size());
        List<String> printed = printedEvents();
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(printed.get(i).startsWith(expected.get(i)), () -> "expected " + expected + " in order, printed " + printed);
        }
    }

    /** What the listener of the test above printed, in order, without its prefix. */
    private List<String> printedEvents() {
        List<String> events = new ArrayList<>();
        for (String line : runtime.output().split("\\R")) {
            int at = line.indexOf(MembershipEventPrinter.PREFIX);
            if (at >= 0) {
                events.add(line.substring(at + MembershipEventPrinter.PREFIX.length()));
            }
        }
        return events;
    }
}
