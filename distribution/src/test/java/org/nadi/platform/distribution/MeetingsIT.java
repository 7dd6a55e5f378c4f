package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nadi.platform.distribution.HttpAnswer.strings;
import static org.nadi.platform.distribution.HttpAnswer.values;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.nadi.platform.distribution.fixtures.MeetingEventPrinter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The meetings module in the packaged runtime, over the real membership directory: a whole
 * meeting document created and read back with its participants named as of the meeting, its
 * parts edited with If-Match and re-ordered, the recommendation tracker and a timeline, the
 * roles (observers read, the secretariat edits, delegates comment and edit their own country's
 * presentation), each bad input answered with the field at fault, the module registry's view of
 * meetings needing membership, and an extension hearing the changes on Event Admin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class MeetingsIT {

    private static final String MEETINGS = "/api/v1/meetings";
    private static final String TRACKER = "/api/v1/recommendations";
    private static final String SINGAPORE = "nadi-2024-11-singapore";

    private NadiRuntime runtime;
    private ApiClient secretariat;
    private ApiClient observer;
    private ApiClient khmerDelegate;
    private ApiClient bruneiDelegate;

    @BeforeAll
    void start() throws IOException {
        runtime = NadiRuntime.options().label("meetings").start();
        secretariat = Accounts.create(runtime, "secretariat-one", "secretariat", null);
        observer = Accounts.create(runtime, "observer-one", "observer", null);
        khmerDelegate = Accounts.create(runtime, "kh-delegate", "delegate", "kh-gdpfa");
        bruneiDelegate = Accounts.create(runtime, "bn-delegate", "delegate", "bn-shhbidss");
        secretariat.post("/api/v1/membership/reference-data").assertJson(200);
        secretariat.postJson(MEETINGS, """
                {"id": "nadi-2024-11-singapore", "body": "nadi", "kind": "meeting", "hostCountry": "SG", "city": "Singapore",
                 "theme": "Conflicts Affecting the Region, and the ADMM/ADMM-Plus' Role in Conflict Prevention and Management",
                 "from": "2024-11-04", "to": "2024-11-07", "status": "planned"}""").assertJson(201);
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    /** The Siem Reap excerpt with this id (and its recommendations' ids made from it) and status. */
    private static String document(String id, String status) throws IOException {
        try (InputStream in = MeetingsIT.class.getResourceAsStream("/meetings/siem-reap-excerpt.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${id}", id).replace("${status}", status);
        }
    }

    private HttpAnswer create(String id, String status) throws IOException {
        return secretariat.postJson(MEETINGS, document(id, status)).assertJson(201);
    }



    private static JsonObject item(JsonObject document, long id) {
        for (JsonElement item : document.getAsJsonArray("proceedings")) {
            if (item.getAsJsonObject().get("id").getAsLong() == id) {
                return item.getAsJsonObject();
            }
        }
        throw new AssertionError("no item " + id + " in " + document);
    }

    @Test
    void aWholeDocumentIsCreatedInOneRequestAndReadBackWithItsPeopleAsTheyWereThen() throws IOException {
        HttpAnswer created = create("nadi-2024-09-siem-reap", "held");
        assertEquals(MEETINGS + "/nadi-2024-09-siem-reap", created.location().replaceFirst("^https?://[^/]+", ""));
        assertEquals("\"1\"", created.etag());

        HttpAnswer read = observer.get(MEETINGS + "/nadi-2024-09-siem-reap").assertJson(200);
        assertEquals("\"1\"", read.etag());
        JsonObject meeting = read.object();
        assertEquals(15, meeting.getAsJsonArray("proceedings").size());
        assertEquals(7, meeting.getAsJsonObject("agenda").getAsJsonArray("items").size());
        JsonObject chair = meeting.getAsJsonArray("participants").get(0).getAsJsonObject();
        assertEquals("Nem Sowathey", chair.get("name").getAsString());
        assertEquals("LTG", chair.get("rank").getAsString());
        assertTrue(chair.get("position").getAsString().startsWith("Deputy Director-General of Policy and Foreign Affairs"), chair::toString);
        assertEquals("General Department of Policy and Foreign Affairs", chair.get("institutionName").getAsString());
        assertEquals(List.of("nadi-2024-09-siem-reap-bn-a", "nadi-2024-09-siem-reap-bn-b"),
                strings(item(meeting, 6), "recommendations"));
        JsonArray recommendations = meeting.getAsJsonArray("recommendations");
        assertEquals(List.of("a", "b", "a", "b", "a", "a", "1", "2", "3"), values(recommendations, "label"));
        JsonObject third = recommendations.get(8).getAsJsonObject();
        assertEquals("adopted", third.get("status").getAsString());
        assertEquals(List.of("KH", "SG"), strings(third, "countries"));
        assertEquals(List.of(SINGAPORE), strings(item(meeting, 13), "forthcoming"));

        JsonArray found = observer.get(MEETINGS + "?q=cambodia").assertJson(200).json().getAsJsonArray();
        assertTrue(values(found, "id").contains("nadi-2024-09-siem-reap"), found::toString);
        assertTrue(values(observer.get(MEETINGS + "?when=past").json(), "id").contains(SINGAPORE));
        JsonArray audit = runtime.admin().get("/api/v1/audit?module=meetings&entity=meeting&entityId=nadi-2024-09-siem-reap")
                .assertJson(200).object().getAsJsonArray("entries");
        assertEquals(1, audit.size(), audit::toString);
    }

    @Test
    void partsAreEditedWithTheMeetingsVersionAndReordered() throws IOException {
        String meeting = MEETINGS + "/nadi-2024-09-edited";
        create("nadi-2024-09-edited", "held");
        secretariat.putJson(meeting + "/agenda", "{\"items\": [{\"title\": \"Opening\"}]}", null).assertProblem(428);
        HttpAnswer agenda = secretariat.putJson(meeting + "/agenda", "{\"adoptedOn\": \"2024-09-19\", \"items\": [{\"title\": \"Opening\"}]}",
                "\"1\"").assertJson(200);
        assertEquals("\"2\"", agenda.etag());
        assertEquals("If-Match", secretariat.putJson(meeting + "/agenda", "{\"items\": []}", "\"1\"").assertProblem(412).field());

        HttpAnswer participant = secretariat.withHeader("If-Match", "\"2\"").postJson(meeting + "/participants",
                "{\"country\": \"VN\", \"institution\": \"vn-ids\", \"role\": \"delegate\"}").assertJson(201);
        assertEquals("\"3\"", participant.etag());
        assertEquals(9, participant.object().get("id").getAsInt());
        HttpAnswer item = secretariat.withHeader("If-Match", "\"3\"").postJson(meeting + "/proceedings",
                "{\"kind\": \"country-presentation\", \"session\": 8, \"country\": \"VN\", \"speaker\": \"vu-trong-quynh\","
                        + " \"paragraphs\": [\"Col. Vu Trong Quynh asserted that the benefits that AI brings are undeniable.\"],"
                        + " \"before\": 11}").assertJson(201);
        assertEquals(16, item.object().get("id").getAsInt());
        HttpAnswer reordered = secretariat.putJson(meeting + "/proceedings/order",
                "{\"order\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 10, 11, 12, 13, 14, 15]}", "\"4\"").assertJson(200);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "16", "10", "11", "12", "13", "14", "15"),
                values(reordered.json(), "id"));
        HttpAnswer added = secretariat.withHeader("If-Match", "\"5\"").postJson(meeting + "/recommendations",
                "{\"proceeding\": 16, \"text\": \"Establish an ADMM-Plus Experts' Working Group on AI management.\","
                        + " \"addressees\": [\"ADMM-Plus\"], \"topics\": [\"ai\"]}").assertJson(201);
        String vietnam = added.object().get("id").getAsString();
        assertEquals("a", added.object().get("label").getAsString());
        HttpAnswer relettered = secretariat.putJson(meeting + "/recommendations/order", "{\"proceeding\": 6, \"order\": "
                + "[\"nadi-2024-09-edited-bn-b\", \"nadi-2024-09-edited-bn-a\"]}", "\"6\"").assertJson(200);
        assertEquals(List.of("nadi-2024-09-edited-bn-b", "nadi-2024-09-edited-bn-a"), values(relettered.json(), "id"));
        assertEquals(List.of("a", "b"), values(relettered.json(), "label"));
        secretariat.withHeader("If-Match", "\"7\"").delete(meeting + "/recommendations/" + vietnam).assertStatus(204);
        HttpAnswer deleted = secretariat.withHeader("If-Match", "\"8\"").delete(meeting + "/proceedings/16").assertStatus(204);
        assertEquals("\"9\"", deleted.etag());
        assertEquals("\"9\"", observer.get(meeting).assertJson(200).etag());
    }

    @Test
    void theTrackerFiltersEveryRecommendationAndShowsItsTimeline() throws IOException {
        create("nadi-2024-09-tracked", "held");
        String prefix = "nadi-2024-09-tracked-";
        JsonObject ai = observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&topic=ai").assertJson(200).object();
        assertEquals(3, ai.get("total").getAsInt());
        assertEquals(List.of(prefix + "kh-a", prefix + "sg-a", prefix + "3"), values(ai.get("recommendations"), "id"));
        assertEquals(List.of(prefix + "3"), values(observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&topic=ai&status=adopted")
                .json().getAsJsonObject().get("recommendations"), "id"));
        assertEquals(List.of(prefix + "id-a", prefix + "id-b", prefix + "2"), values(observer.get(TRACKER
                + "?meeting=nadi-2024-09-tracked&country=ID").object().get("recommendations"), "id"));
        assertEquals(List.of(prefix + "sg-a"), values(observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&addressee=EWG")
                .object().get("recommendations"), "id"));
        assertEquals(List.of(prefix + "id-b", prefix + "2"), values(observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&q=non-traditional")
                .object().get("recommendations"), "id"));
        assertEquals(0, observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&from=2024-09-22").object().get("total").getAsInt());
        JsonObject page = observer.get(TRACKER + "?meeting=nadi-2024-09-tracked&limit=2&offset=8").object();
        assertEquals(9, page.get("total").getAsInt());
        assertEquals(1, page.getAsJsonArray("recommendations").size());

        HttpAnswer step = secretariat.postJson(TRACKER + "/" + prefix + "kh-a/history", "{\"status\": \"reaffirmed\", \"on\": \"2024-11-07\","
                + " \"meeting\": \"" + SINGAPORE + "\", \"note\": \"reaffirmed at the next NADI meeting\"}").assertJson(201);
        assertEquals("reaffirmed", step.object().get("status").getAsString());
        secretariat.postJson(TRACKER + "/" + prefix + "kh-a/history", "{\"status\": \"implemented\", \"on\": \"2025-06-01\","
                + " \"document\": \"ADMM work plan on AI\"}").assertJson(201);
        JsonObject timeline = observer.get(TRACKER + "/" + prefix + "kh-a").assertJson(200).object();
        assertEquals(List.of("proposed", "reaffirmed", "implemented"), values(timeline.get("history"), "status"));
        assertEquals("ADMM work plan on AI", timeline.getAsJsonObject("lastStep").get("document").getAsString());
        assertEquals("on", secretariat.postJson(TRACKER + "/" + prefix + "kh-a/history",
                "{\"status\": \"dropped\", \"on\": \"2025-05-01\"}").assertProblem(422).field());
        observer.postJson(TRACKER + "/" + prefix + "kh-a/history", "{\"status\": \"dropped\", \"on\": \"2026-05-01\"}").assertProblem(403);
    }

    @Test
    void observersReadTheSecretariatEditsAndADelegateEditsOnlyTheirCountrysPresentation() throws IOException {
        String meeting = MEETINGS + "/nadi-2024-09-roles";
        observer.postJson(MEETINGS, document("nadi-2024-09-roles", "held")).assertProblem(403);
        khmerDelegate.postJson(MEETINGS, document("nadi-2024-09-roles", "held")).assertProblem(403);
        runtime.anonymous().get(MEETINGS).assertProblem(401);
        create("nadi-2024-09-roles", "held");
        observer.get(meeting).assertJson(200);
        observer.get(TRACKER).assertJson(200);

        HttpAnswer read = observer.get(meeting);
        JsonObject khmer = item(read.object(), 9);
        khmer.remove("recommendations");
        JsonArray paragraphs = new JsonArray();
        paragraphs.add("BG. Ly Meng highlighted the use of AI and Cybersecurity in the military domain, which is emphatically dual-use.");
        khmer.add("paragraphs", paragraphs);
        bruneiDelegate.putJson(meeting + "/proceedings/9", khmer.toString(), read.etag()).assertProblem(403);
        observer.putJson(meeting + "/proceedings/9", khmer.toString(), read.etag()).assertProblem(403);
        HttpAnswer edited = khmerDelegate.putJson(meeting + "/proceedings/9", khmer.toString(), read.etag()).assertJson(200);
        assertEquals("\"2\"", edited.etag());
        assertTrue(edited.object().getAsJsonArray("paragraphs").get(0).getAsString().contains("dual-use"));
        khmer.addProperty("title", "Our own title");
        assertEquals("title", khmerDelegate.putJson(meeting + "/proceedings/9", khmer.toString(), "\"2\"").assertProblem(403).field());
        JsonObject welcome = item(read.object(), 1);
        welcome.remove("recommendations");
        HttpAnswer notAPresentation = khmerDelegate.putJson(meeting + "/proceedings/1", welcome.toString(), "\"2\"").assertProblem(403);
        assertTrue(notAPresentation.detail().contains("welcome-remarks"), notAPresentation::toString);
        khmerDelegate.putJson(meeting + "/agenda", "{\"items\": []}", "\"2\"").assertProblem(403);

        HttpAnswer comment = bruneiDelegate.postJson(meeting + "/comments", "{\"text\": \"Please add our second recommendation.\","
                + " \"proceeding\": 6}").assertJson(201);
        assertEquals("bn-delegate", comment.object().get("author").getAsString());
        observer.postJson(meeting + "/comments", "{\"text\": \"An observer's view\"}").assertProblem(403);
        assertEquals(List.of("bn-delegate"), values(observer.get(meeting + "/comments").assertJson(200).json(), "author"));
        assertEquals("\"2\"", observer.get(meeting).etag(), "comments are not part of the record");
    }

    @Test
    void badInputIsAnsweredWithTheFieldAtFaultAndChangesNothing() throws IOException {
        String valid = document("nadi-2024-09-refused", "held");
        assertEquals("to", secretariat.postJson(MEETINGS, valid.replace("\"to\": \"2024-09-21\"", "\"to\": \"2024-09-17\""))
                .assertProblem(422).field());
        assertEquals("proceedings[5].speaker", secretariat.postJson(MEETINGS, valid.replace(
                "{\"id\": 4, \"country\": \"BN\", \"institution\": \"bn-shhbidss\", \"person\": \"abdul-malik-kamis\", \"role\": \"head-of-delegation\"},",
                "")).assertProblem(422).field());
        assertEquals("recommendations[0].text", secretariat.postJson(MEETINGS, valid.replace(
                "\"ASEAN should strengthen both its centrality and unity.\"", "\"\"")).assertProblem(400).field());
        assertEquals("participants[1].person", secretariat.postJson(MEETINGS, valid.replace("\"person\": \"nem-sowath\"",
                "\"person\": \"nem-sowath-junior\"")).assertProblem(422).field());
        assertEquals("participants[6].institution", secretariat.postJson(MEETINGS, valid.replace("\"institution\": \"sg-rsis\", \"person\"",
                "\"institution\": \"vn-ids\", \"person\"")).assertProblem(422).field());
        assertEquals("body", secretariat.postJson(MEETINGS, valid.replace("\"body\": \"nadi\"", "\"body\": \"nadi-plus\""))
                .assertProblem(422).field());
        assertEquals("hostCountry", secretariat.postJson(MEETINGS, valid.replace("\"hostCountry\": \"KH\"", "\"hostCountry\": \"FR\""))
                .assertProblem(422).field());
        assertEquals("kind", secretariat.postJson(MEETINGS, valid.replace("\"kind\": \"meeting\"", "\"kind\": \"summit\""))
                .assertProblem(400).field());
        assertEquals("recommendations[6].history[1].on", secretariat.postJson(MEETINGS, valid.replace("\"sources\": [\"nadi-2024-09-refused-bn-a\"]",
                "\"sources\": [\"nadi-2024-09-refused-bn-a\"], \"history\": [{\"status\": \"adopted\", \"on\": \"2024-09-21\"},"
                        + " {\"status\": \"implemented\", \"on\": \"2024-09-01\"}]")).assertProblem(422).field());
        observer.get(MEETINGS + "/nadi-2024-09-refused").assertProblem(404);

        String meeting = MEETINGS + "/nadi-2024-09-refused";
        create("nadi-2024-09-refused", "held");
        assertEquals("order", secretariat.putJson(meeting + "/proceedings/order", "{\"order\": [2, 1]}", "\"1\"").assertProblem(422).field());
        assertEquals("If-Match", secretariat.putJson(meeting + "/proceedings/order", "{\"order\": [2, 1]}", null).assertProblem(428).field());
        assertEquals("speaker", secretariat.withHeader("If-Match", "\"1\"").postJson(meeting + "/proceedings",
                "{\"kind\": \"country-presentation\", \"country\": \"TH\", \"speaker\": \"thanita-wongjinda\"}").assertProblem(422).field());
        assertEquals("text", secretariat.withHeader("If-Match", "\"1\"").postJson(meeting + "/recommendations",
                "{\"proceeding\": 11}").assertProblem(400).field());
        assertEquals("If-Match", secretariat.putJson(meeting + "/agenda", "{\"items\": []}", "\"7\"").assertProblem(412).field());
        assertEquals("\"1\"", observer.get(meeting).assertJson(200).etag(), "nothing refused was written");
    }

    @Test
    void theRegistrySaysMeetingsNeedsMembershipAndDisablingMembershipTakesMeetingsDown() {
        Map<String, JsonObject> modules = runtime.modules();
        assertTrue(strings(modules.get("meetings"), "requires").contains("membership"), modules::toString);
        assertTrue(strings(modules.get("membership"), "requiredBy").contains("meetings"), modules::toString);
        HttpAnswer refused = runtime.admin().post("/api/v1/modules/membership/disable").assertProblem(409);
        assertTrue(refused.strings("dependents").contains("meetings"), refused::toString);
        try {
            runtime.admin().post("/api/v1/modules/membership/disable?cascade=true").assertJson(200);
            assertEquals("DISABLED", runtime.stateOf("meetings"));
            observer.get(MEETINGS).assertProblem(404);
            runtime.admin().get("/api/v1/workbench").assertJson(200);
            runtime.admin().get("/api/v1/example/greeting").assertJson(200);
            runtime.admin().get("/api/v1/health").assertJson(200);
        } finally {
            runtime.admin().post("/api/v1/modules/meetings/enable").assertJson(200);
        }
        assertEquals("ENABLED", runtime.stateOf("membership"), "enabling meetings enables what it needs");
        assertEquals(SINGAPORE, observer.get(MEETINGS + "/" + SINGAPORE).assertJson(200).object().get("id").getAsString(),
                "the data stayed");
    }

    @Test
    void changesAreAnnouncedToAnExtensionListeningOnEventAdmin() throws IOException {
        Path jars = Files.createTempDirectory("meeting-events");
        Path listener = TestBundle.module("meeting-listener").activator(MeetingEventPrinter.class)
                .set("Import-Package", "org.osgi.framework, org.osgi.service.event").writeTo(jars, "listener.jar");
        runtime.admin().postJar("/api/v1/modules", listener).assertJson(201);

        String id = "nadi-2024-09-announced";
        create(id, "planned");
        String header = document(id, "held").replaceFirst("(?s),\\s*\"agenda\".*", "}");
        secretariat.putJson(MEETINGS + "/" + id, header, "\"1\"").assertJson(200);
        secretariat.putJson(MEETINGS + "/" + id + "/programme", "[]", "\"2\"").assertJson(200);
        secretariat.postJson(TRACKER + "/" + id + "-bn-a/history", "{\"status\": \"adopted\", \"on\": \"2024-11-07\", \"meeting\": \""
                + SINGAPORE + "\"}").assertJson(201);
        secretariat.putJson(MEETINGS + "/" + id + "/recommendations/" + id + "-bn-b", "{\"proceeding\": 6, \"text\": \"ASEAN should"
                + " leverage the opportunities.\", \"addressees\": [\"ASEAN\"]}", "\"4\"").assertJson(200);

        String meeting = "org/nadi/platform/meetings/meeting/";
        String recommendation = "org/nadi/platform/meetings/recommendation/";
        List<String> expected = new ArrayList<>();
        expected.add(meeting + "CREATED meeting=" + id + " recommendation=null status=null");
        for (String proposed : List.of("bn-a", "bn-b", "id-a", "id-b", "kh-a", "sg-a")) {
            expected.add(recommendation + "UPDATED meeting=" + id + " recommendation=" + id + "-" + proposed + " status=proposed");
        }
        for (String adopted : List.of("1", "2", "3")) {
            expected.add(recommendation + "ADOPTED meeting=" + id + " recommendation=" + id + "-" + adopted + " status=adopted");
        }
        expected.add(meeting + "HELD meeting=" + id + " recommendation=null status=null");
        expected.add(meeting + "CHANGED meeting=" + id + " recommendation=null status=null");
        expected.add(meeting + "CHANGED meeting=" + id + " recommendation=null status=null");
        expected.add(recommendation + "ADOPTED meeting=" + id + " recommendation=" + id + "-bn-a status=adopted");
        expected.add(meeting + "CHANGED meeting=" + id + " recommendation=null status=null");
        expected.add(recommendation + "UPDATED meeting=" + id + " recommendation=" + id + "-bn-b status=proposed");
        runtime.eventually(Duration.ofSeconds(10), "the listener printed " + expected.size() + " events",
                () -> printedEvents(id).size() >= expected.size());
        assertEquals(expected, printedEvents(id));
    }

    @Test
    void thePostgreSqlEngineStoresAndFindsTheSameMeeting() throws IOException {
        try (NadiRuntime postgres = Engines.runtime(Engines.POSTGRESQL, "meetings-postgres").start()) {
            ApiClient admin = postgres.admin();
            admin.post("/api/v1/membership/reference-data").assertJson(200);
            admin.postJson(MEETINGS, "{\"id\": \"" + SINGAPORE + "\", \"body\": \"nadi\", \"kind\": \"meeting\", \"hostCountry\": \"SG\","
                    + " \"theme\": \"Conflicts\", \"from\": \"2024-11-04\", \"to\": \"2024-11-07\"}").assertJson(201);
            admin.postJson(MEETINGS, document("nadi-2024-09-siem-reap", "held")).assertJson(201);
            JsonObject meeting = admin.get(MEETINGS + "/nadi-2024-09-siem-reap").assertJson(200).object();
            assertEquals(List.of("a", "b", "a", "b", "a", "a", "1", "2", "3"), values(meeting.get("recommendations"), "label"));
            assertEquals(3, admin.get(TRACKER + "?topic=ai").object().get("total").getAsInt());
            assertEquals(List.of("nadi-2024-09-siem-reap-2"), values(admin.get(TRACKER + "?country=ID&status=adopted").object()
                    .get("recommendations"), "id"));
            admin.putJson(MEETINGS + "/nadi-2024-09-siem-reap/proceedings/order",
                    "{\"order\": [1, 2, 3, 4, 5, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15]}", "\"1\"").assertJson(200);
            assertFalse(admin.get(MEETINGS + "?q=siem").json().getAsJsonArray().isEmpty());
        }
    }

    /** What the listener printed of the meeting's events, in order, without its prefix. */
    private List<String> printedEvents(String meeting) {
        List<String> events = new ArrayList<>();
        for (String line : runtime.output().split("\\R")) {
            int at = line.indexOf(MeetingEventPrinter.PREFIX);
            if (at >= 0 && line.contains(" meeting=" + meeting + " ")) {
                events.add(line.substring(at + MeetingEventPrinter.PREFIX.length()));
            }
        }
        return events;
    }
}
