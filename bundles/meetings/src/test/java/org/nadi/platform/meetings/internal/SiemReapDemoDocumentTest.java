package org.nadi.platform.meetings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.each;
import static org.nadi.platform.meetings.testing.SiemReapMeetingCheck.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nadi.platform.meetings.testing.ChairmansReport;
import org.nadi.platform.meetings.testing.ChairmansReport.Paragraph;
import org.nadi.platform.meetings.testing.ChairmansReport.Part;
import org.nadi.platform.meetings.testing.MembershipRecords;
import org.nadi.platform.meetings.testing.SiemReapMeetingCheck;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The shipped demo document ({@code demo-data/siem-reap-2024.json}) holds the Siem Reap
 * Chairman's Report completely: checked against the seed text by {@link SiemReapMeetingCheck}
 * (which {@code SiemReapMeetingIT} runs on what the runtime answers), and the check itself
 * shown to notice a dropped or altered paragraph, recommendation or fact.
 */
class SiemReapDemoDocumentTest {

    private static final String DEMO = "demo-data/siem-reap-2024.json";

    private final ChairmansReport report = ChairmansReport.fromClassPath(ChairmansReport.SIEM_REAP_SEED);
    private JsonObject demo;
    private SiemReapMeetingCheck check;

    @BeforeEach
    void readTheDemoDocument() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DEMO)) {
            demo = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        Map<String, JsonObject> byId = new HashMap<>();
        each(demo, "meetings").forEach(meeting -> byId.put(text(meeting, "id"), meeting));
        check = new SiemReapMeetingCheck(report, MembershipRecords.shipped(),
                id -> {
                    assertTrue(byId.containsKey(id), () -> "no meeting " + id + " in " + DEMO);
                    return byId.get(id);
                });
    }

    private JsonObject siemReap() {
        return demo.getAsJsonArray("meetings").get(0).getAsJsonObject();
    }

    @Test
    void theSeedReadsAsTheReportItIs() {
        List<Paragraph> paragraphs = report.paragraphs();
        assertEquals(55, paragraphs.size());
        for (int at = 0; at < paragraphs.size(); at++) {
            assertEquals(at + 1, paragraphs.get(at).number(), "numbered in order without gaps");
        }
        Pattern presentation = Pattern.compile("Present(ation|ed)( by)? ");
        List<Part> presentations = report.parts().stream().filter(part -> presentation.matcher(part.lastHeading()).lookingAt()).toList();
        assertEquals(14, presentations.size(), "six in Session I, eight in Session II");
        assertTrue(presentations.get(13).lastHeading().endsWith("Department of International Studies IDS, MOD"),
                "a bold heading over two lines is one heading");
        assertEquals(List.of(3, 2, 3, 3, 2), paragraphs.stream().filter(paragraph -> !paragraph.items().isEmpty())
                .map(paragraph -> paragraph.items().size()).toList(), "lettered items of paragraphs 6, 14, 16, 26 and 28");
        assertTrue(report.paragraph(17).text().endsWith("insufficient strategy and effective agreement. At the same time, the competition"
                + " between the major powers has been increasing \"strategic investment\" in a comprehensive way to strengthen the military"
                + " cooperation between the allied countries in the region."), "a page break inside a paragraph is joined with one space");
        assertEquals(6, report.parts().stream().filter(part -> part.paragraphs().stream().anyMatch(paragraph -> paragraph.number() == 52))
                .findFirst().orElseThrow().rows().size(), "the forthcoming activities: a header and five rows");
    }

    @Test
    void theDemoMeetingHoldsTheWholeReport() {
        check.check(siemReap());
    }

    @Test
    void theDocumentIsTheMeetingAndItsFiveForthcomingActivities() {
        assertEquals(6, demo.getAsJsonArray("meetings").size());
        JsonObject meeting = siemReap();
        assertEquals(25, meeting.getAsJsonArray("proceedings").size());
        assertEquals(15, meeting.getAsJsonArray("recommendations").size(), "10 lettered, 5 the meeting's own");
        assertEquals(17, meeting.getAsJsonArray("participants").size());
        assertTrue(text(demo, "source").contains("Annex"), "the source says what the seed does not include");
    }

    @Test
    void theCheckNoticesADroppedParagraph() {
        fails(meeting -> proceeding(meeting, "discussion").getAsJsonArray("paragraphs").remove(2));
        fails(meeting -> proceeding(meeting, "keynote").getAsJsonArray("paragraphs").remove(0));
    }

    @Test
    void theCheckNoticesAnAlteredParagraph() {
        fails(meeting -> {
            JsonArray paragraphs = proceeding(meeting, "closing-remarks").getAsJsonArray("paragraphs");
            paragraphs.set(0, new JsonPrimitive(paragraphs.get(0).getAsString().replace("her", "his")));
        });
    }

    @Test
    void theCheckNoticesAParagraphInTheWrongProceeding() {
        fails(meeting -> {
            JsonElement moved = proceeding(meeting, "report-consideration").getAsJsonArray("paragraphs").remove(1);
            proceeding(meeting, "closing-remarks").getAsJsonArray("paragraphs").add(moved);
        });
    }

    @Test
    void theCheckNoticesADroppedOrAlteredRecommendation() {
        fails(meeting -> meeting.getAsJsonArray("recommendations").remove(0));
        fails(meeting -> meeting.getAsJsonArray("recommendations").remove(14));
        fails(meeting -> {
            JsonObject recommendation = meeting.getAsJsonArray("recommendations").get(3).getAsJsonObject();
            recommendation.addProperty("text", text(recommendation, "text").replace("ADMM", "ADSOM"));
        });
        fails(meeting -> meeting.getAsJsonArray("recommendations").get(1).getAsJsonObject().addProperty("label", "c"));
        fails(meeting -> meeting.getAsJsonArray("recommendations").get(12).getAsJsonObject().getAsJsonArray("sources").add("r-nowhere"));
    }

    @Test
    void theCheckNoticesAWrongSpeakerChairOrCountry() {
        fails(meeting -> proceeding(meeting, "keynote").addProperty("speaker", "nem-sowathey"));
        fails(meeting -> meeting.addProperty("chair", "nem-sowath"));
        fails(meeting -> meeting.getAsJsonArray("participants").remove(0)); // Brunei's only delegate
        fails(meeting -> meeting.getAsJsonArray("expectedOutcomes").remove(2));
        fails(meeting -> meeting.addProperty("to", "2024-09-20"));
    }

    @Test
    void theCheckNoticesAWrongForthcomingActivity() {
        demo.getAsJsonArray("meetings").get(5).getAsJsonObject().addProperty("dateAccuracy", "day");
        assertThrows(AssertionError.class, () -> check.check(siemReap()));
    }

    /** The check fails on the demo meeting changed in one way. */
    private void fails(Consumer<JsonObject> change) {
        JsonObject changed = siemReap().deepCopy();
        change.accept(changed);
        assertThrows(AssertionError.class, () -> check.check(changed), changed::toString);
    }

    private static JsonObject proceeding(JsonObject meeting, String kind) {
        return each(meeting, "proceedings").stream().filter(item -> kind.equals(text(item, "kind"))).findFirst().orElseThrow();
    }
}
