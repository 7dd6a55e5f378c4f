package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.FIRST_DAY;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.MEETING;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.each;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.nadi.platform.meetings.testing.ChairmansReport;
import org.nadi.platform.meetings.testing.MembershipRecords;
import org.nadi.platform.meetings.testing.SiemReapMeetingCheck;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code bin/nadi --demo} loads the Siem Reap meeting completely: what
 * {@code GET /api/v1/meetings/nadi-2024-09-siem-reap} answers passes the same check against
 * the seed report as the shipped file does (SiemReapDemoDocumentTest, whose reader and check
 * this uses from the meetings test jar), holds what the file says, shows each participant as
 * they were on the meeting's first day, and the tracker lists every recommendation of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SiemReapMeetingIT {

    private static final String MEETINGS = "/api/v1/meetings/";
    private static final String DEMO_FILE = "demo-data/siem-reap-2024.json";

    private final MembershipRecords membership = MembershipRecords.shipped();
    private NadiRuntime runtime;
    private ApiClient observer;
    private JsonObject meeting;

    @BeforeAll
    void startWithTheDemoData() throws IOException {
        runtime = NadiRuntime.options().label("siem-reap").arguments("--demo").start();
        observer = Accounts.create(runtime, "observer-one", "observer", null);
        meeting = observer.get(MEETINGS + MEETING).assertJson(200).object();
    }

    @AfterAll
    void stop() {
        runtime.close();
    }

    @Test
    void theDemoMeetingHoldsTheWholeReport() {
        new SiemReapMeetingCheck(ChairmansReport.fromClassPath(ChairmansReport.SIEM_REAP_SEED), membership,
                id -> observer.get(MEETINGS + id).assertJson(200).object()).check(meeting);
    }

    @Test
    void theRuntimeHoldsWhatTheDemoFileSays() throws IOException {
        JsonObject file;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO_FILE)) {
            assertNotNull(in, DEMO_FILE + " is not in the meetings bundle");
            file = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonArray("meetings").get(0).getAsJsonObject();
        }
        for (String member : List.of("id", "body", "kind", "theme", "hostCountry", "organiser", "chair", "venue", "city", "from", "to",
                "dateAccuracy", "mode", "status")) {
            assertEquals(text(file, member), text(meeting, member), member);
        }
        assertEquals(participants(file), participants(meeting));
        assertEquals(recommendations(file), recommendations(meeting));
    }

    /** Who took part, as "country institution person role", in any order. */
    private static Set<String> participants(JsonObject document) {
        Set<String> participants = new TreeSet<>();
        for (JsonObject participant : each(document, "participants")) {
            participants.add(String.join(" ", text(participant, "country"), text(participant, "institution"), text(participant, "person"),
                    text(participant, "role")));
        }
        return participants;
    }

    /**
     * Each recommendation by "proceeding position/label", with its addressees, topics, sources
     * (by the same key) and history: the ids a server assigns do not matter, what they join does.
     */
    private static Map<String, String> recommendations(JsonObject document) {
        Map<JsonElement, Integer> positionOfProceeding = new HashMap<>();
        List<JsonObject> proceedings = each(document, "proceedings");
        for (int at = 0; at < proceedings.size(); at++) {
            positionOfProceeding.put(proceedings.get(at).get("id"), at);
        }
        Map<String, String> keyOfId = new HashMap<>();
        for (JsonObject recommendation : each(document, "recommendations")) {
            keyOfId.put(text(recommendation, "id"), positionOfProceeding.get(recommendation.get("proceeding")) + "/" + text(recommendation, "label"));
        }
        Map<String, String> described = new TreeMap<>();
        for (JsonObject recommendation : each(document, "recommendations")) {
            List<String> sources = new ArrayList<>();
            recommendation.getAsJsonArray("sources").forEach(source -> sources.add(keyOfId.get(source.getAsString())));
            List<String> history = new ArrayList<>();
            for (JsonObject step : each(recommendation, "history")) {
                history.add(text(step, "status") + " " + text(step, "on") + " " + text(step, "meeting"));
            }
            described.put(keyOfId.get(text(recommendation, "id")), "addressees " + recommendation.get("addressees") + ", topics "
                    + recommendation.get("topics") + ", sources " + sources + ", history " + history);
        }
        return described;
    }

    @Test
    void participantsAppearAsTheyWereOnTheMeetingsFirstDayEvenAfterAPromotion() {
        ApiClient secretariat = Accounts.create(runtime, "secretariat-one", "secretariat", null);
        String chairAddress = "/api/v1/membership/people/nem-sowathey";
        HttpAnswer chair = secretariat.get(chairAddress).assertJson(200);
        JsonObject promoted = chair.object();
        JsonArray affiliations = promoted.getAsJsonArray("affiliations");
        affiliations.get(0).getAsJsonObject().addProperty("to", "2025-12-31");
        JsonObject later = new JsonObject();
        later.addProperty("institution", "kh-gdpfa");
        later.addProperty("position", "Director-General of Policy and Foreign Affairs");
        later.addProperty("from", "2026-01-01");
        affiliations.add(later);
        secretariat.putJson(chairAddress, promoted.toString(), chair.etag()).assertJson(200);

        JsonObject afterThePromotion = observer.get(MEETINGS + MEETING).assertJson(200).object();
        for (JsonObject participant : each(afterThePromotion, "participants")) {
            String person = text(participant, "person");
            JsonObject record = membership.person(person).orElseThrow();
            JsonObject then = membership.affiliation(person, FIRST_DAY).orElseThrow();
            JsonObject expected = new JsonObject();
            List.of("name", "rank", "honorific", "pronoun").forEach(member -> expected.add(member, record.get(member)));
            expected.add("position", then.get("position"));
            expected.addProperty("institutionName", membership.institutionName(then.get("institution").getAsString(), FIRST_DAY));
            JsonObject shown = new JsonObject();
            expected.keySet().forEach(member -> shown.add(member, participant.has(member) ? participant.get(member) : JsonNull.INSTANCE));
            assertEquals(expected, shown, participant::toString);
        }
    }

    @Test
    void theTrackerListsEveryRecommendationOfTheMeetingWithItsCountriesOfOrigin() {
        Map<JsonElement, String> countryOfProceeding = new HashMap<>();
        each(meeting, "proceedings").forEach(item -> countryOfProceeding.put(item.get("id"), text(item, "country")));
        // A presented recommendation comes from its presenter's country, the meeting's own from its sources' countries.
        Map<String, JsonObject> recorded = new TreeMap<>();
        each(meeting, "recommendations").forEach(recommendation -> recorded.put(text(recommendation, "id"), recommendation));
        Map<String, Set<String>> origins = new TreeMap<>();
        recorded.forEach((id, recommendation) -> {
            Set<String> countries = new TreeSet<>();
            JsonArray sources = recommendation.getAsJsonArray("sources");
            if (sources.isEmpty() && countryOfProceeding.get(recommendation.get("proceeding")) != null) {
                countries.add(countryOfProceeding.get(recommendation.get("proceeding")));
            }
            sources.forEach(source -> countries.add(countryOfProceeding.get(recorded.get(source.getAsString()).get("proceeding"))));
            origins.put(id, countries);
        });
        assertEquals(15, recorded.size());

        JsonObject page = observer.get("/api/v1/recommendations?meeting=" + MEETING + "&limit=100").assertJson(200).object();
        assertEquals(15, page.get("total").getAsInt(), page::toString);
        Map<String, Set<String>> tracked = new TreeMap<>();
        for (JsonObject recommendation : each(page, "recommendations")) {
            assertEquals(MEETING, text(recommendation, "meeting"), recommendation::toString);
            Set<String> countries = new TreeSet<>();
            recommendation.getAsJsonArray("countries").forEach(country -> countries.add(country.getAsString()));
            tracked.put(text(recommendation, "id"), countries);
        }
        assertEquals(origins, tracked);
    }
}
