package org.nadi.platform.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The rules of the meetings' REST routes, over a real database holding the small Siem Reap fixture. */
@Timeout(120)
class MeetingRulesTest {

    private static final Caller SECRETARIAT = new Caller("sec", Role.SECRETARIAT, Optional.empty());
    private static final Caller OBSERVER = new Caller("obs", Role.OBSERVER, Optional.empty());
    private static final Caller KHMER_DELEGATE = new Caller("kh", Role.DELEGATE, Optional.of("kh-gdpfa"));
    private static final Caller DELEGATE_WITHOUT_INSTITUTION = new Caller("nobody", Role.DELEGATE, Optional.empty());
    private static final String MEETINGS = MeetingResource.BASE;
    private static final String ONE = MEETINGS + "/{id}";
    private static final String SIEM_REAP = MeetingsFixture.SIEM_REAP;

    @TempDir
    Path folder;
    private MeetingsFixture fixture;
    private TestRoutes routes;
    private TestRoutes tracker;

    @BeforeEach
    void start() throws Exception {
        fixture = new MeetingsFixture(TestStorage.SQLITE, folder);
        fixture.loadSmallMeeting();
        routes = TestRoutes.of(new MeetingResource(fixture.meetings));
        tracker = TestRoutes.of(new RecommendationResource(fixture.meetings));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    // Helpers

    private ApiResponse call(String route, FakeRequest request) throws ProblemException {
        return (route.contains("/recommendations") && !route.startsWith("POST " + ONE) && !route.contains(ONE + "/recommendations")
                ? tracker : routes).call(route, request);
    }

    private ProblemException refused(String route, FakeRequest request) {
        return assertThrows(ProblemException.class, () -> call(route, request), route);
    }

    private static String field(ProblemException problem) {
        return (String) problem.extensions().get("field");
    }

    /** The field a refused request names, checking its status too. */
    private String refusedField(int status, String route, FakeRequest request) {
        ProblemException problem = refused(route, request);
        assertEquals(status, problem.status(), () -> route + ": " + problem.detail());
        return field(problem);
    }

    private static FakeRequest as(Caller caller) {
        return new FakeRequest().by(caller);
    }

    private static FakeRequest onSiemReap(Caller caller) {
        return as(caller).path("id", SIEM_REAP);
    }

    private JsonObject document() throws ProblemException {
        return (JsonObject) call("GET " + ONE, onSiemReap(OBSERVER)).body();
    }

    private long version() throws ProblemException {
        return document().get("version").getAsLong();
    }

    private static long etag(ApiResponse response) {
        return Long.parseLong(response.headers().get("ETag").replace("\"", ""));
    }

    private static List<String> strings(JsonElement array, String member) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : array.getAsJsonArray()) {
            values.add(element.getAsJsonObject().get(member).getAsString());
        }
        return values;
    }

    /** A small valid document; {@code %s} parts replaced by the test. */
    private static String meeting(String id, String extra) {
        return """
                {"id": "%s", "body": "nadi", "kind": "workshop", "theme": "AI in the defence sector", "hostCountry": "KH",
                 "from": "2025-03-04", "to": "2025-03-05", "participants": [
                   {"country": "KH", "institution": "kh-gdpfa", "person": "ly-meng", "role": "presenter"}]%s}
                """.formatted(id, extra);
    }

    // Routes

    @Test
    void observersReadTheSecretariatEditsAndDelegatesCommentAndEditPresentations() {
        routes.accessByRoute().forEach((route, access) -> {
            String expected = route.startsWith("GET ") ? "observer"
                    : route.equals("POST " + ONE + "/comments") || route.equals("PUT " + ONE + "/proceedings/{itemId}") ? "delegate"
                            : "secretariat";
            assertEquals(expected, access.toString(), route);
        });
        assertEquals(20, routes.accessByRoute().size());
        assertEquals("observer", tracker.access("GET " + RecommendationResource.BASE).toString());
        assertEquals("observer", tracker.access("GET " + RecommendationResource.BASE + "/{rid}").toString());
        assertEquals("secretariat", tracker.access("POST " + RecommendationResource.BASE + "/{rid}/history").toString());
    }

    // Whole documents

    @Test
    void aPostedDocumentIsCreatedWholeAndReadBackWithItsParticipantsAsOfItsFirstDay() throws Exception {
        FakeRequest post = as(SECRETARIAT).json("""
                {"body": "nadi", "kind": "meeting", "theme": "Earlier meeting", "hostCountry": "SG", "city": "Singapore",
                 "from": "2006-05-02", "to": "2006-05-03", "status": "held", "participants": [
                   {"country": "KH", "institution": "kh-gdpfa", "person": "nem-sowathey", "role": "head-of-delegation"},
                   {"country": "SG", "institution": "sg-rsis", "role": "delegate"}]}
                """);
        ApiResponse created = routes.call("POST " + MEETINGS, post);

        assertEquals(201, created.status());
        assertEquals(MEETINGS + "/nadi-2006-05-singapore", created.headers().get("Location"), "the id is made of body, month and city");
        assertEquals("\"1\"", created.headers().get("ETag"));
        assertEquals("meeting", post.audited().get(0).get(0));
        JsonObject read = (JsonObject) routes.call("GET " + ONE, as(OBSERVER).path("id", "nadi-2006-05-singapore")).body();
        JsonObject chair = read.getAsJsonArray("participants").get(0).getAsJsonObject();
        assertEquals("Nem Sowathey", chair.get("name").getAsString());
        assertEquals("LTG", chair.get("rank").getAsString());
        assertEquals("Director", chair.get("position").getAsString(), "her position in 2006, not today's");
        assertEquals("General Department of Policy and Foreign Affairs", chair.get("institutionName").getAsString());
        JsonObject singapore = read.getAsJsonArray("participants").get(1).getAsJsonObject();
        assertTrue(singapore.get("name").isJsonNull());
        assertEquals("Institute of Defence and Strategic Studies", singapore.get("institutionName").getAsString(),
                "the institution's name in 2006");
        assertEquals("day", read.get("dateAccuracy").getAsString());
        assertEquals("physical", read.get("mode").getAsString());
    }

    @Test
    void readingAMeetingAsksTheDirectoryOnceForItsPeopleAndOnceForItsInstitutions() throws Exception {
        fixture.directory.peopleCalls.set(0);
        fixture.directory.institutionsCalls.set(0);
        JsonObject document = document();
        assertEquals(1, fixture.directory.peopleCalls.get());
        assertEquals(1, fixture.directory.institutionsCalls.get());
        JsonObject presenter = document.getAsJsonArray("participants").get(2).getAsJsonObject();
        assertEquals("Deputy Director, Department of Policy Planning", presenter.get("position").getAsString());
        JsonObject brunei = document.getAsJsonArray("proceedings").get(2).getAsJsonObject();
        assertEquals(List.of("sr-bn-a", "sr-bn-b"), List.of(brunei.getAsJsonArray("recommendations").get(0).getAsString(),
                brunei.getAsJsonArray("recommendations").get(1).getAsString()));
        JsonObject adopted = document.getAsJsonArray("recommendations").get(3).getAsJsonObject();
        assertEquals("1", adopted.get("label").getAsString());
        assertEquals("adopted", adopted.get("status").getAsString());
        assertEquals("BN", adopted.getAsJsonArray("countries").get(0).getAsString());
    }

    @Test
    void aMonthOnlyMeetingRunsFromTheFirstToTheLastDayOfItsMonth() throws Exception {
        ApiResponse created = routes.call("POST " + MEETINGS, as(SECRETARIAT).json("""
                {"body": "nadi", "kind": "meeting", "theme": "Meeting", "hostCountry": "BN", "from": "2025-11-01",
                 "dateAccuracy": "month"}"""));
        JsonObject document = (JsonObject) created.body();
        assertEquals("2025-11-30", document.get("to").getAsString());
        assertEquals("nadi-2025-11", document.get("id").getAsString());
        assertEquals("from", refusedField(422, "POST " + MEETINGS, as(SECRETARIAT).json("""
                {"body": "nadi", "kind": "meeting", "theme": "Meeting", "hostCountry": "BN", "from": "2025-11-03",
                 "dateAccuracy": "month"}""")));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String post = "POST " + MEETINGS;
        assertEquals("to", refusedField(422, post, as(SECRETARIAT).json(meeting("m-dates", "").replace("\"2025-03-05\"",
                "\"2025-03-03\""))));
        assertEquals("proceedings[1].speaker", refusedField(422, post, as(SECRETARIAT).json(meeting("m-speaker",
                ", \"proceedings\": [{\"kind\": \"session\"}, {\"kind\": \"country-presentation\", \"country\": \"BN\","
                        + " \"speaker\": \"abdul-malik-kamis\"}]"))));
        assertEquals("recommendations[0].text", refusedField(400, post, as(SECRETARIAT).json(meeting("m-text",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"discussion\"}], \"recommendations\": [{\"proceeding\": 1, \"text\": \" \"}]"))));
        assertEquals("participants[0].person", refusedField(422, post, as(SECRETARIAT).json(meeting("m-person", "")
                .replace("ly-meng", "no-such-person"))));
        assertEquals("participants[0].institution", refusedField(422, post, as(SECRETARIAT).json(meeting("m-institution", "")
                .replace("\"institution\": \"kh-gdpfa\"", "\"institution\": \"sg-rsis\""))));
        assertEquals("organiser", refusedField(422, post, as(SECRETARIAT).json(meeting("m-organiser", ", \"organiser\": \"nowhere\""))));
        assertEquals("chair", refusedField(422, post, as(SECRETARIAT).json(meeting("m-chair", ", \"chair\": \"nobody-at-all\""))));
        assertEquals("hostCountry", refusedField(422, post, as(SECRETARIAT).json(meeting("m-country", "").replace("\"hostCountry\": \"KH\"",
                "\"hostCountry\": \"ZZ\""))));
        assertEquals("body", refusedField(422, post, as(SECRETARIAT).json(meeting("m-body", "").replace("\"nadi\"", "\"ewg-space\""))));
        assertEquals("kind", refusedField(400, post, as(SECRETARIAT).json(meeting("m-kind", "").replace("workshop", "party"))));
        assertEquals("participants[0].role", refusedField(400, post, as(SECRETARIAT).json(meeting("m-role", "")
                .replace("presenter", "speaker"))));
        assertEquals("proceedings[0].kind", refusedField(400, post, as(SECRETARIAT).json(meeting("m-item",
                ", \"proceedings\": [{\"kind\": \"lunch\"}]"))));
        assertEquals("recommendations[0].addressees[0]", refusedField(400, post, as(SECRETARIAT).json(meeting("m-addressee",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"discussion\"}], \"recommendations\": [{\"proceeding\": 1, \"text\": \"x\","
                        + " \"addressees\": [\"UN\"]}]"))));
        assertEquals("recommendations[0].history[1].on", refusedField(422, post, as(SECRETARIAT).json(meeting("m-history",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"discussion\"}], \"recommendations\": [{\"proceeding\": 1, \"text\": \"x\","
                        + " \"history\": [{\"status\": \"proposed\", \"on\": \"2025-03-05\"}, {\"status\": \"adopted\","
                        + " \"on\": \"2025-03-04\"}]}]"))));
        assertEquals("recommendations[0].proceeding", refusedField(422, post, as(SECRETARIAT).json(meeting("m-proceeding",
                ", \"recommendations\": [{\"proceeding\": 9, \"text\": \"x\"}]"))));
        assertEquals("recommendations[0].sources[0]", refusedField(422, post, as(SECRETARIAT).json(meeting("m-source",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"recommendations\"}], \"recommendations\": [{\"proceeding\": 1,"
                        + " \"text\": \"x\", \"sources\": [\"no-such-recommendation\"]}]"))));
        assertEquals("proceedings[0].forthcoming[0]", refusedField(422, post, as(SECRETARIAT).json(meeting("m-forthcoming",
                ", \"proceedings\": [{\"kind\": \"other-matters\", \"forthcoming\": [\"nadi-2099-01\"]}]"))));
        assertEquals("proceedings[1].session", refusedField(422, post, as(SECRETARIAT).json(meeting("m-session",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"discussion\"}, {\"kind\": \"discussion\", \"session\": 1}]"))));
        assertEquals("proceedings[0].country", refusedField(422, post, as(SECRETARIAT).json(meeting("m-presentation",
                ", \"proceedings\": [{\"kind\": \"country-presentation\", \"speaker\": \"ly-meng\"}]"))));
        assertEquals("from", refusedField(400, post, as(SECRETARIAT).json(meeting("m-date", "").replace("2025-03-04", "4 March 2025"))));
        assertEquals("topics", refusedField(400, post, as(SECRETARIAT).json(meeting("m-topics", ", \"topics\": \"AI\""))));
        assertEquals("programme[0].day", refusedField(422, post, as(SECRETARIAT).json(meeting("m-programme",
                ", \"programme\": [{\"day\": \"2025-03-09\", \"title\": \"Lunch\"}]"))));
        assertEquals("id", refusedField(409, post, as(SECRETARIAT).json(meeting(SIEM_REAP, ""))));
        assertEquals("recommendations[0].id", refusedField(409, post, as(SECRETARIAT).json(meeting("m-taken",
                ", \"proceedings\": [{\"id\": 1, \"kind\": \"discussion\"}], \"recommendations\": [{\"id\": \"sr-bn-a\","
                        + " \"proceeding\": 1, \"text\": \"x\"}]"))));

        JsonElement all = (JsonElement) routes.call("GET " + MEETINGS, as(OBSERVER)).body();
        assertEquals(2, all.getAsJsonArray().size(), "nothing of the refused documents was written");
        assertTrue(fixture.meetings.meeting("m-taken").isEmpty());
    }

    @Test
    void changesNeedTheVersionReadInIfMatch() throws Exception {
        String header = meeting(SIEM_REAP, "").replace("2025-03-04", "2024-09-18").replace("2025-03-05", "2024-09-21");
        assertEquals("If-Match", refusedField(428, "PUT " + ONE, onSiemReap(SECRETARIAT).json(header)));
        ApiResponse changed = routes.call("PUT " + ONE, onSiemReap(SECRETARIAT).ifMatch(1).json(header.replace("AI in the defence sector",
                "AI in defence")));
        assertEquals(2, etag(changed));
        assertEquals("AI in defence", ((JsonObject) changed.body()).get("theme").getAsString());
        assertEquals(8, ((JsonObject) changed.body()).getAsJsonArray("proceedings").size(), "the parts are kept");
        assertEquals("If-Match", refusedField(412, "PUT " + ONE + "/agenda", onSiemReap(SECRETARIAT).ifMatch(1).json("{\"items\": []}")));
        assertEquals("id", refusedField(400, "PUT " + ONE, onSiemReap(SECRETARIAT).ifMatch(2).json(meeting("other-id", ""))));
        assertEquals("to", refusedField(422, "PUT " + ONE, onSiemReap(SECRETARIAT).ifMatch(2).json(header.replace("2024-09-21",
                "2024-09-18"))), "the programme has an entry on the 19th");
        assertEquals("id", refusedField(404, "GET " + ONE, as(OBSERVER).path("id", "no-such-meeting")));
        assertEquals(2, version());
    }

    @Test
    void eachPartChangesOnItsOwnAndAnswersTheMeetingsNewVersion() throws Exception {
        ApiResponse agenda = routes.call("PUT " + ONE + "/agenda", onSiemReap(SECRETARIAT).ifMatch(1).json(
                "{\"adoptedOn\": null, \"items\": [{\"title\": \"Opening\"}]}"));
        assertEquals(2, etag(agenda));
        ApiResponse programme = routes.call("PUT " + ONE + "/programme", onSiemReap(SECRETARIAT).ifMatch(2).json(
                "[{\"day\": \"2024-09-20\", \"start\": \"14:00\", \"end\": \"15:00\", \"title\": \"Session II\"}]"));
        assertEquals("14:00", ((JsonArray) programme.body()).get(0).getAsJsonObject().get("start").getAsString());
        assertEquals("[0].end", refusedField(422, "PUT " + ONE + "/programme", onSiemReap(SECRETARIAT).ifMatch(3).json(
                "[{\"day\": \"2024-09-20\", \"start\": \"14:00\", \"end\": \"13:00\", \"title\": \"Session II\"}]")));

        ApiResponse added = routes.call("POST " + ONE + "/participants", onSiemReap(SECRETARIAT).ifMatch(3).json(
                "{\"country\": \"ID\", \"institution\": \"id-cssrd-tni\", \"person\": \"antonius-widyoutomo\", \"role\": \"presenter\"}"));
        assertEquals(201, added.status());
        assertEquals(MEETINGS + "/" + SIEM_REAP + "/participants/5", added.headers().get("Location"));
        assertEquals("Antonius Widyoutomo", ((JsonObject) added.body()).get("name").getAsString());
        assertEquals("person", refusedField(422, "POST " + ONE + "/participants", onSiemReap(SECRETARIAT).ifMatch(4).json(
                "{\"country\": \"KH\", \"person\": \"ly-meng\", \"role\": \"delegate\"}")));
        ProblemException stillSpeaking = refused("DELETE " + ONE + "/participants/{pid}", onSiemReap(SECRETARIAT).path("pid", "2")
                .ifMatch(4));
        assertEquals(409, stillSpeaking.status());
        assertTrue(stillSpeaking.detail().contains("abdul-malik-kamis"), stillSpeaking::detail);
        ApiResponse removed = routes.call("DELETE " + ONE + "/participants/{pid}", onSiemReap(SECRETARIAT).path("pid", "4").ifMatch(4));
        assertEquals(204, removed.status());
        assertEquals(5, etag(removed));

        ApiResponse presentation = routes.call("POST " + ONE + "/proceedings", onSiemReap(SECRETARIAT).ifMatch(5).json(
                "{\"kind\": \"country-presentation\", \"session\": 2, \"country\": \"ID\", \"speaker\": \"antonius-widyoutomo\","
                        + " \"paragraphs\": [\"First Admiral Antonius Widyoutomo highlighted ...\"], \"before\": 4}"));
        assertEquals(9, ((JsonObject) presentation.body()).get("id").getAsLong());
        assertEquals(List.of("1", "2", "3", "9", "4", "5", "6", "7", "8"), strings(document().get("proceedings"), "id"));
        assertEquals("speaker", refusedField(422, "POST " + ONE + "/proceedings", onSiemReap(SECRETARIAT).ifMatch(6).json(
                "{\"kind\": \"expert-presentation\", \"speaker\": \"nem-sowath\"}")), "an unknown person");
        ApiResponse retitled = routes.call("PUT " + ONE + "/proceedings/{itemId}", onSiemReap(SECRETARIAT).path("itemId", "2").ifMatch(6)
                .json("{\"kind\": \"session\", \"title\": \"SESSION I\"}"));
        assertEquals("SESSION I", ((JsonObject) retitled.body()).get("title").getAsString());
        ProblemException madeRecommendations = refused("DELETE " + ONE + "/proceedings/{itemId}", onSiemReap(SECRETARIAT)
                .path("itemId", "3").ifMatch(7));
        assertEquals(409, madeRecommendations.status());
        assertTrue(madeRecommendations.detail().contains("sr-bn-a"), madeRecommendations::detail);
        ProblemException sessionInUse = refused("PUT " + ONE + "/proceedings/{itemId}", onSiemReap(SECRETARIAT).path("itemId", "2")
                .ifMatch(7).json("{\"kind\": \"discussion\"}"));
        assertEquals(409, sessionInUse.status(), sessionInUse::detail);

        assertEquals("order", refusedField(422, "PUT " + ONE + "/proceedings/order", onSiemReap(SECRETARIAT).ifMatch(7).json(
                "{\"order\": [1, 2, 3]}")));
        assertEquals("order", refusedField(422, "PUT " + ONE + "/proceedings/order", onSiemReap(SECRETARIAT).ifMatch(7).json(
                "{\"order\": [1, 3, 2, 9, 4, 5, 6, 7, 8]}")), "a presentation before its session");
        ApiResponse reordered = routes.call("PUT " + ONE + "/proceedings/order", onSiemReap(SECRETARIAT).ifMatch(7).json(
                "{\"order\": [1, 2, 3, 4, 9, 5, 6, 7, 8]}"));
        assertEquals(List.of("1", "2", "3", "4", "9", "5", "6", "7", "8"), strings((JsonElement) reordered.body(), "id"));
        assertEquals(8, etag(reordered));
        assertEquals(8, version());
    }

    @Test
    void recommendationsAreAddedMovedReorderedAndReletteredWithinTheirItem() throws Exception {
        ApiResponse added = routes.call("POST " + ONE + "/recommendations", onSiemReap(SECRETARIAT).ifMatch(1).json(
                "{\"proceeding\": 3, \"text\": \"ASEAN should adapt.\", \"addressees\": [\"ASEAN\"], \"topics\": [\"Unity\"]}"));
        JsonObject third = (JsonObject) added.body();
        assertEquals("c", third.get("label").getAsString());
        assertEquals("unity", third.getAsJsonArray("topics").get(0).getAsString(), "topics are lower case");
        assertEquals("proposed", third.get("status").getAsString());
        String thirdId = third.get("id").getAsString();
        assertEquals(SIEM_REAP + "-r3", thirdId);

        ApiResponse reordered = routes.call("PUT " + ONE + "/recommendations/order", onSiemReap(SECRETARIAT).ifMatch(2).json(
                "{\"proceeding\": 3, \"order\": [\"" + thirdId + "\", \"sr-bn-a\", \"sr-bn-b\"]}"));
        assertEquals(List.of(thirdId, "sr-bn-a", "sr-bn-b"), strings((JsonElement) reordered.body(), "id"));
        assertEquals(List.of("a", "b", "c"), strings((JsonElement) reordered.body(), "label"));
        assertEquals("order", refusedField(422, "PUT " + ONE + "/recommendations/order", onSiemReap(SECRETARIAT).ifMatch(3).json(
                "{\"proceeding\": 3, \"order\": [\"sr-bn-a\", \"sr-bn-a\", \"sr-bn-b\"]}")));

        ApiResponse moved = routes.call("PUT " + ONE + "/recommendations/{rid}", onSiemReap(SECRETARIAT).path("rid", "sr-bn-a")
                .ifMatch(3).json("{\"proceeding\": 4, \"text\": \"ASEAN should strengthen its centrality.\", \"addressees\": [\"ASEAN\"]}"));
        assertEquals("b", ((JsonObject) moved.body()).get("label").getAsString(), "second in its new item");
        assertEquals("KH", ((JsonObject) moved.body()).getAsJsonArray("countries").get(0).getAsString());
        JsonObject document = document();
        assertEquals(List.of(thirdId, "sr-bn-b"), List.of(document.getAsJsonArray("proceedings").get(2).getAsJsonObject()
                .getAsJsonArray("recommendations").get(0).getAsString(), document.getAsJsonArray("proceedings").get(2)
                        .getAsJsonObject().getAsJsonArray("recommendations").get(1).getAsString()));
        assertEquals("text", refusedField(400, "PUT " + ONE + "/recommendations/{rid}", onSiemReap(SECRETARIAT).path("rid", "sr-bn-b")
                .ifMatch(4).json("{\"proceeding\": 3}")));

        ProblemException cited = refused("DELETE " + ONE + "/recommendations/{rid}", onSiemReap(SECRETARIAT).path("rid", "sr-kh-a")
                .ifMatch(4));
        assertEquals(409, cited.status());
        assertTrue(cited.detail().contains(SIEM_REAP + "-r2"), cited::detail);
        routes.call("DELETE " + ONE + "/recommendations/{rid}", onSiemReap(SECRETARIAT).path("rid", thirdId).ifMatch(4));
        assertEquals("a", fixture.meetings.recommendation("sr-bn-b").orElseThrow().label(), "the ones after it move up");
    }

    @Test
    void theTrackerFiltersAndPagesAndAFollowUpStepExtendsTheTimeline() throws Exception {
        JsonObject page = (JsonObject) tracker.call("GET " + RecommendationResource.BASE, as(OBSERVER).query("topic", "AI")
                .query("limit", "1")).body();
        assertEquals(2, page.get("total").getAsInt());
        JsonObject first = page.getAsJsonArray("recommendations").get(0).getAsJsonObject();
        assertEquals("sr-kh-a", first.get("id").getAsString());
        assertEquals("2024-09-18", first.get("meetingFrom").getAsString());
        assertEquals("day", first.get("meetingDateAccuracy").getAsString());
        assertTrue(first.get("meetingTheme").getAsString().startsWith("The Emerging Security Architecture"));
        assertEquals("proposed", first.getAsJsonObject("lastStep").get("status").getAsString());
        assertEquals("addressee", refusedField(400, "GET " + RecommendationResource.BASE, as(OBSERVER).query("addressee", "UN")));
        assertEquals("country", refusedField(400, "GET " + RecommendationResource.BASE, as(OBSERVER).query("country", "Cambodia")));
        assertEquals("limit", refusedField(400, "GET " + RecommendationResource.BASE, as(OBSERVER).query("limit", "0")));

        String steps = RecommendationResource.BASE + "/{rid}/history";
        ApiResponse adopted = tracker.call("POST " + steps, as(SECRETARIAT).path("rid", "sr-kh-a").json(
                "{\"status\": \"adopted\", \"on\": \"2024-11-07\", \"meeting\": \"" + MeetingsFixture.SINGAPORE + "\", \"note\": \"taken up\"}"));
        assertEquals(201, adopted.status());
        assertEquals("adopted", ((JsonObject) adopted.body()).get("status").getAsString());
        assertEquals(2, ((JsonObject) adopted.body()).getAsJsonArray("history").size());
        assertEquals(2, etag(adopted), "the step changed the meeting it belongs to");
        assertEquals("on", refusedField(422, "POST " + steps, as(SECRETARIAT).path("rid", "sr-kh-a").json(
                "{\"status\": \"implemented\", \"on\": \"2024-11-06\"}")));
        assertEquals("meeting", refusedField(422, "POST " + steps, as(SECRETARIAT).path("rid", "sr-kh-a").json(
                "{\"status\": \"implemented\", \"on\": \"2025-01-06\", \"meeting\": \"nadi-2099-01\"}")));
        assertEquals("status", refusedField(400, "POST " + steps, as(SECRETARIAT).path("rid", "sr-kh-a").json(
                "{\"status\": \"done\", \"on\": \"2025-01-06\"}")));
        assertEquals("rid", refusedField(404, "POST " + steps, as(SECRETARIAT).path("rid", "no-such").json(
                "{\"status\": \"dropped\", \"on\": \"2025-01-06\"}")));

        JsonObject timeline = (JsonObject) tracker.call("GET " + RecommendationResource.BASE + "/{rid}", as(OBSERVER)
                .path("rid", "sr-kh-a")).body();
        assertEquals(List.of("proposed", "adopted"), strings(timeline.get("history"), "status"));
        assertEquals(List.of("sr-kh-a", SIEM_REAP + "-r1"), strings(((JsonObject) tracker.call("GET " + RecommendationResource.BASE,
                as(OBSERVER).query("status", "adopted")).body()).get("recommendations"), "id"));
    }

    @Test
    void theTrackerFollowsItemsMovedOrGivenAnotherCountry() throws Exception {
        String tracked = RecommendationResource.BASE;
        routes.call("PUT " + ONE + "/proceedings/order", onSiemReap(SECRETARIAT).ifMatch(1).json(
                "{\"order\": [1, 2, 4, 3, 5, 6, 7, 8]}"));
        assertEquals(List.of("sr-kh-a", "sr-bn-a", "sr-bn-b", SIEM_REAP + "-r1", SIEM_REAP + "-r2"), strings(((JsonObject) tracker.call(
                "GET " + tracked, as(OBSERVER).query("meeting", SIEM_REAP)).body()).get("recommendations"), "id"));

        routes.call("PUT " + ONE + "/participants/{pid}", onSiemReap(SECRETARIAT).path("pid", "2").ifMatch(2).json(
                "{\"country\": \"ID\", \"institution\": \"id-cssrd-tni\", \"person\": \"abdul-malik-kamis\", \"role\": \"presenter\"}"));
        routes.call("PUT " + ONE + "/proceedings/{itemId}", onSiemReap(SECRETARIAT).path("itemId", "3").ifMatch(3).json(
                "{\"kind\": \"country-presentation\", \"session\": 2, \"country\": \"ID\", \"speaker\": \"abdul-malik-kamis\"}"));
        assertEquals(List.of("sr-bn-a", "sr-bn-b", SIEM_REAP + "-r1"), strings(((JsonObject) tracker.call("GET " + tracked,
                as(OBSERVER).query("country", "ID")).body()).get("recommendations"), "id"));
        assertEquals(0, ((JsonObject) tracker.call("GET " + tracked, as(OBSERVER).query("country", "BN")).body()).get("total").getAsInt());
    }

    @Test
    void aDelegateEditsOnlyTheParagraphsOfTheirOwnCountrysPresentations() throws Exception {
        JsonObject khmer = document().getAsJsonArray("proceedings").get(3).getAsJsonObject();
        khmer.remove("recommendations");
        khmer.add("paragraphs", new JsonArray());
        khmer.getAsJsonArray("paragraphs").add("BG. Ly Meng highlighted the use of AI and cybersecurity in the military domain.");
        String item = "PUT " + ONE + "/proceedings/{itemId}";

        ApiResponse edited = routes.call(item, onSiemReap(KHMER_DELEGATE).path("itemId", "4").ifMatch(1).json(khmer.toString()));
        assertEquals(2, etag(edited));
        assertTrue(((JsonObject) edited.body()).getAsJsonArray("paragraphs").get(0).getAsString().contains("military domain"));

        JsonObject brunei = document().getAsJsonArray("proceedings").get(2).getAsJsonObject();
        ProblemException notTheirs = refused(item, onSiemReap(KHMER_DELEGATE).path("itemId", "3").ifMatch(2).json(brunei.toString()));
        assertEquals(403, notTheirs.status());
        assertTrue(notTheirs.detail().contains("BN") && notTheirs.detail().contains("kh-gdpfa"), notTheirs::detail);
        khmer.addProperty("title", "A new title");
        assertEquals("title", refusedField(403, item, onSiemReap(KHMER_DELEGATE).path("itemId", "4").ifMatch(2).json(khmer.toString())));
        assertEquals(403, refused(item, onSiemReap(KHMER_DELEGATE).path("itemId", "1").ifMatch(2).json(
                document().getAsJsonArray("proceedings").get(0).toString())).status(), "welcome remarks are the secretariat's");
        assertEquals(403, refused(item, onSiemReap(DELEGATE_WITHOUT_INSTITUTION).path("itemId", "4").ifMatch(2).json(
                khmer.toString())).status());

        FakeRequest comment = onSiemReap(KHMER_DELEGATE).json("{\"text\": \"Please add our second point.\", \"proceeding\": 4}");
        ApiResponse commented = routes.call("POST " + ONE + "/comments", comment);
        assertEquals(201, commented.status());
        assertEquals(2, version(), "a comment is not part of the record");
        JsonElement comments = (JsonElement) routes.call("GET " + ONE + "/comments", onSiemReap(OBSERVER)).body();
        assertEquals(List.of("kh"), strings(comments, "author"));
        assertEquals("proceeding", refusedField(422, "POST " + ONE + "/comments", onSiemReap(KHMER_DELEGATE).json(
                "{\"text\": \"On nothing\", \"proceeding\": 99}")));
        assertEquals("text", refusedField(400, "POST " + ONE + "/comments", onSiemReap(KHMER_DELEGATE).json("{\"text\": \"\"}")));
    }

    @Test
    void committedChangesAreAnnouncedAndRefusedOnesAreNot() throws Exception {
        String rid = SIEM_REAP + "-r";
        assertEquals(List.of(
                "meeting/CREATED meeting=" + MeetingsFixture.SINGAPORE,
                "meeting/CREATED meeting=" + SIEM_REAP,
                "meeting/HELD meeting=" + SIEM_REAP,
                "recommendation/UPDATED meeting=" + SIEM_REAP + " recommendation=sr-bn-a status=proposed",
                "recommendation/UPDATED meeting=" + SIEM_REAP + " recommendation=sr-bn-b status=proposed",
                "recommendation/UPDATED meeting=" + SIEM_REAP + " recommendation=sr-kh-a status=proposed",
                "recommendation/ADOPTED meeting=" + SIEM_REAP + " recommendation=" + rid + "1 status=adopted",
                "recommendation/ADOPTED meeting=" + SIEM_REAP + " recommendation=" + rid + "2 status=reaffirmed"), fixture.events);
        fixture.events.clear();

        refused("PUT " + ONE + "/agenda", onSiemReap(SECRETARIAT).ifMatch(7).json("{\"items\": []}"));
        String singapore = meeting(MeetingsFixture.SINGAPORE, ", \"status\": \"held\"").replace("\"hostCountry\": \"KH\"",
                "\"hostCountry\": \"SG\"").replace("2025-03-04", "2024-11-04").replace("2025-03-05", "2024-11-07");
        routes.call("PUT " + ONE, as(SECRETARIAT).path("id", MeetingsFixture.SINGAPORE).ifMatch(1).json(singapore));
        routes.call("PUT " + ONE, as(SECRETARIAT).path("id", MeetingsFixture.SINGAPORE).ifMatch(2).json(singapore));
        tracker.call("POST " + RecommendationResource.BASE + "/{rid}/history", as(SECRETARIAT).path("rid", "sr-bn-a").json(
                "{\"status\": \"adopted\", \"on\": \"2024-11-07\", \"meeting\": \"" + MeetingsFixture.SINGAPORE + "\"}"));
        tracker.call("POST " + RecommendationResource.BASE + "/{rid}/history", as(SECRETARIAT).path("rid", "sr-bn-a").json(
                "{\"status\": \"in-progress\", \"on\": \"2025-01-07\", \"document\": \"ADMM work plan 2025\"}"));
        assertEquals(409, refused("DELETE " + ONE, as(SECRETARIAT).path("id", MeetingsFixture.SINGAPORE).ifMatch(3)).status(),
                "Siem Reap lists it as forthcoming");
        routes.call("DELETE " + ONE, onSiemReap(SECRETARIAT).ifMatch(3));
        routes.call("DELETE " + ONE, as(SECRETARIAT).path("id", MeetingsFixture.SINGAPORE).ifMatch(3));

        assertEquals(List.of(
                "meeting/HELD meeting=" + MeetingsFixture.SINGAPORE,
                "meeting/CHANGED meeting=" + MeetingsFixture.SINGAPORE,
                "meeting/CHANGED meeting=" + SIEM_REAP,
                "recommendation/ADOPTED meeting=" + SIEM_REAP + " recommendation=sr-bn-a status=adopted",
                "meeting/CHANGED meeting=" + SIEM_REAP,
                "recommendation/UPDATED meeting=" + SIEM_REAP + " recommendation=sr-bn-a status=in-progress",
                "meeting/DELETED meeting=" + SIEM_REAP,
                "meeting/DELETED meeting=" + MeetingsFixture.SINGAPORE), fixture.events);
    }

    @Test
    void theListSearchesThemeCityAndHostCountryAndSplitsUpcomingFromPast() throws Exception {
        routes.call("POST " + MEETINGS, as(SECRETARIAT).json(meeting("nadi-2099-05-future", "").replace("2025-03-04", "2099-05-04")
                .replace("2025-03-05", "2099-05-05")));
        assertEquals(List.of("nadi-2099-05-future", SIEM_REAP), ids("q", "cambodia"), "by the host country's name, latest first");
        assertEquals(List.of(SIEM_REAP), ids("q", "siem"));
        assertEquals(List.of(MeetingsFixture.SINGAPORE), ids("q", "conflict"));
        assertEquals(List.of(MeetingsFixture.SINGAPORE), ids("q", "sg"));
        assertEquals(List.of("nadi-2099-05-future"), ids("when", "upcoming"));
        assertEquals(List.of(MeetingsFixture.SINGAPORE, SIEM_REAP), ids("when", "past"));
        assertEquals(List.of(SIEM_REAP), ids("to", "2024-10-01"));
        assertEquals("when", refusedField(400, "GET " + MEETINGS, as(OBSERVER).query("when", "soon")));
        assertEquals("body", refusedField(422, "GET " + MEETINGS, as(OBSERVER).query("body", "ewg-space")));
    }

    private List<String> ids(String parameter, String value) throws ProblemException {
        return strings((JsonElement) routes.call("GET " + MEETINGS, as(OBSERVER).query(parameter, value)).body(), "id");
    }
}
