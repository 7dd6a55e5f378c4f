package org.nadi.platform.meetings.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nadi.platform.meetings.testing.ChairmansReport.Item;
import org.nadi.platform.meetings.testing.ChairmansReport.Paragraph;
import org.nadi.platform.meetings.testing.ChairmansReport.Part;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Checks a meeting document (the demo file's or the one {@code GET /api/v1/meetings/{id}}
 * answers) against the Siem Reap Chairman's Report read as text: the facts paragraphs 1 and
 * 2 are generated from, every other numbered paragraph exactly once and in the proceeding of
 * its part of the report, the proceedings in report order with their speakers, every lettered
 * recommendation, the meeting's own recommendations, the forthcoming activities, and that
 * every person and institution is one of the membership module's, of the right country.
 * Ids of proceedings and recommendations are followed, never compared with fixed values, so
 * the check holds for ids a server assigns.
 */
public final class SiemReapMeetingCheck {

    public static final String MEETING = "nadi-2024-09-siem-reap";
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 9, 18);
    public static final LocalDate LAST_DAY = LocalDate.of(2024, 9, 21);

    /** "Presentation by", "Presented by" and once just "Presentation" before the presenter. */
    private static final Pattern PRESENTATION = Pattern.compile("Present(ation|ed)( by)? ");
    private static final Pattern EXPERT_TITLE = Pattern.compile("Expert Presentation on “(.+)” – by ");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? (?:(\\p{L}+) )?[–-] (\\d{1,2})(?:st|nd|rd|th)? (\\p{L}+) (\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\p{L}+) (\\d{4})");
    private static final String EXPERT_HEADING = "Expert Presentation";
    private static final String SESSION_HEADING = "SESSION ";
    private static final String THEMED_MEETING = "NADI Meeting on ";
    private static final Set<String> ADDRESSEES = Set.of("ADMM", "ADMM-Plus", "ADSOM", "ADSOM-Plus", "ASEAN", "NADI", "AMS", "EWG");
    /** What a part of the report is, by the start of its last heading. */
    private static final Map<String, String> KIND_BY_HEADING = new LinkedHashMap<>();

    static {
        KIND_BY_HEADING.put("Welcome Remarks by ", "welcome-remarks");
        KIND_BY_HEADING.put("Expert Presentation on ", "expert-presentation");
        KIND_BY_HEADING.put("Keynote Addresses by ", "keynote");
        KIND_BY_HEADING.put("Adoption of the agenda", "agenda-adoption");
        KIND_BY_HEADING.put("Discussion", "discussion");
        KIND_BY_HEADING.put("Recommendations", "recommendations");
        KIND_BY_HEADING.put("Other Matters", "other-matters");
        KIND_BY_HEADING.put("Consideration of ", "report-consideration");
        KIND_BY_HEADING.put("Closing Remarks by ", "closing-remarks");
    }

    /** One proceeding the report calls for: its kind and the part of the report it holds (none for a session). */
    private record Expected(String kind, Part part, String sessionTitle) {
    }

    private final ChairmansReport report;
    private final MembershipRecords membership;
    private final Function<String, JsonObject> meetings;

    /**
     * @param meetings answers another meeting's document by id (the forthcoming activities),
     *                 failing if there is none
     */
    public SiemReapMeetingCheck(ChairmansReport report, MembershipRecords membership, Function<String, JsonObject> meetings) {
        this.report = report;
        this.membership = membership;
        this.meetings = meetings;
    }

    /** Every check of this class. */
    public void check(JsonObject meeting) {
        openingFacts(meeting);
        proceedingsInReportOrder(meeting);
        everyParagraphOnce(meeting);
        referencesIntoMembership(meeting);
    }

    /** Paragraphs 1 and 2 and the title block are generated from these facts, so the facts must say what they say. */
    public void openingFacts(JsonObject meeting) {
        assertEquals(MEETING, text(meeting, "id"));
        assertEquals("nadi", text(meeting, "body"));
        assertEquals("meeting", text(meeting, "kind"));
        assertEquals("held", text(meeting, "status"));
        String first = report.paragraph(1).text();
        assertTrue(first.contains("“" + text(meeting, "theme") + "”"), () -> "the theme is not paragraph 1's: " + text(meeting, "theme"));
        assertTrue(first.contains("(NADI)"), first);

        String host = text(meeting, "hostCountry");
        String hostName = membership.country(host).orElseThrow().get("shortName").getAsString();
        JsonObject organiser = membership.institution(text(meeting, "organiser")).orElseThrow();
        String organisedBy = "organised by " + membership.institutionName(text(meeting, "organiser"), FIRST_DAY) + ", "
                + organiser.get("parentOrganisation").getAsString() + ", " + hostName + " ";
        assertTrue(first.contains(organisedBy), () -> "paragraph 1 does not say '" + organisedBy + "': " + first);
        Matcher days = DAYS.matcher(first);
        assertTrue(days.find(), first);
        assertEquals(dates(days, "day"), List.of(text(meeting, "from"), text(meeting, "to"), text(meeting, "dateAccuracy")));
        String cityLine = text(meeting, "city") + ", " + hostName;
        assertTrue(report.parts().get(0).headings().stream().anyMatch(heading -> heading.endsWith(cityLine)),
                () -> "the title block does not end with '" + cityLine + "': " + report.parts().get(0).headings());

        String second = report.paragraph(2).text();
        String attended = second.substring("Representatives from ".length(), second.indexOf(" attended the meeting."));
        Set<String> countries = new TreeSet<>();
        for (String name : attended.split(", | and ")) {
            countries.add(membership.countryCalled(name).orElseThrow(() -> new AssertionError("not a membership country: " + name)));
        }
        assertEquals(10, countries.size(), countries::toString);
        Set<String> delegations = new TreeSet<>();
        each(meeting, "participants").forEach(participant -> delegations.add(text(participant, "country")));
        assertEquals(countries, delegations, "the delegations are paragraph 2's countries");
        assertTrue(countries.contains(host));
        assertTrue(second.endsWith(" chaired the meeting."), second);
        assertNamed(text(meeting, "chair"), second.substring(second.indexOf("Annex I.")));

        Matcher quoted = QUOTED.matcher(report.paragraph(3).text());
        List<String> topics = new ArrayList<>();
        while (quoted.find()) {
            topics.add(quoted.group(1));
        }
        assertEquals(topics, texts(meeting.getAsJsonArray("topics")), "the topics are the two of paragraph 3");
        assertEquals(FIRST_DAY.toString(), text(meeting.getAsJsonObject("agenda"), "adoptedOn"));
    }

    /** The proceedings are the report's parts in order, each with its paragraphs, speaker, country, title and recommendations. */
    public void proceedingsInReportOrder(JsonObject meeting) {
        List<Expected> expected = expectedProceedings();
        List<JsonObject> proceedings = each(meeting, "proceedings");
        assertEquals(expected.stream().map(Expected::kind).toList(), proceedings.stream().map(item -> text(item, "kind")).toList(),
                "the proceedings' kinds in report order");
        Integer session = null;
        for (int at = 0; at < expected.size(); at++) {
            Expected wanted = expected.get(at);
            JsonObject item = proceedings.get(at);
            String where = "proceeding " + at + " (" + wanted.kind() + ")";
            if (wanted.part() == null) {
                assertEquals(wanted.sessionTitle(), text(item, "title"), where);
                assertEquals(List.of(), texts(item.getAsJsonArray("paragraphs")), where);
                session = item.get("id").getAsInt();
                continue;
            }
            switch (wanted.kind()) {
                case "recommendations" -> meetingRecommendations(meeting, item, wanted.part());
                case "other-matters" -> otherMatters(item, wanted.part());
                default -> {
                    assertEquals(wanted.part().paragraphs().stream().map(Paragraph::text).toList(), texts(item.getAsJsonArray("paragraphs")),
                            where + ": its paragraphs");
                    speaker(item, wanted.part(), where);
                    letteredItems(meeting, item, wanted.part(), where);
                }
            }
            if (wanted.kind().endsWith("presentation")) {
                presentation(item, wanted.part(), session, where);
            }
        }
    }

    private List<Expected> expectedProceedings() {
        List<Expected> expected = new ArrayList<>();
        List<Part> parts = report.parts();
        assertEquals(1, parts.get(0).paragraphs().get(0).number(), "the report's first part is its title and paragraphs 1 and 2");
        for (Part part : parts.subList(1, parts.size())) {
            part.heading(SESSION_HEADING).ifPresent(title -> expected.add(new Expected("session", null, title)));
            expected.add(new Expected(kindOf(part), part, null));
        }
        return expected;
    }

    private static String kindOf(Part part) {
        String last = part.lastHeading();
        if (PRESENTATION.matcher(last).lookingAt()) {
            return part.headings().contains(EXPERT_HEADING) ? "expert-presentation" : "country-presentation";
        }
        return KIND_BY_HEADING.entrySet().stream().filter(entry -> last.startsWith(entry.getKey())).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("a part of the report the check does not know: " + part.headings()));
    }

    /** A part headed "... by NAME, ..." or "Presentation by NAME" has that speaker; the others none. */
    private void speaker(JsonObject item, Part part, String where) {
        String heading = part.lastHeading();
        if (heading.contains(" by ") || PRESENTATION.matcher(heading).lookingAt()) {
            assertNotNull(text(item, "speaker"), where + " has no speaker");
            assertNamed(text(item, "speaker"), heading);
        } else {
            assertNull(text(item, "speaker"), where);
        }
        Matcher expertTitle = EXPERT_TITLE.matcher(heading);
        assertEquals(expertTitle.lookingAt() ? expertTitle.group(1) : null, text(item, "title"), where + ": its title");
    }

    private void presentation(JsonObject item, Part part, Integer session, String where) {
        String country = text(item, "country");
        assertNotNull(country, where + " has no country");
        assertEquals(session, item.get("session") == null || item.get("session").isJsonNull() ? null : item.get("session").getAsInt(),
                where + " belongs to the session before it");
        // The delegation heading above "Presentation by", e.g. "Republic of Indonesia (CSSRD, TNI)", when there is one.
        List<String> headings = part.headings();
        String above = headings.size() > 1 ? headings.get(headings.size() - 2) : null;
        if (above != null && !above.startsWith(SESSION_HEADING) && !above.equals(EXPERT_HEADING)) {
            String delegation = above.replaceAll(" \\(.*\\)$", "");
            assertEquals(membership.countryCalled(delegation).orElseThrow(() -> new AssertionError("no country called " + delegation)),
                    country, where);
        }
        String institution = text(item, "institution");
        assertEquals(country, membership.institution(institution).orElseThrow().get("country").getAsString(), where);
        assertEquals(institution, membership.affiliation(text(item, "speaker"), FIRST_DAY).orElseThrow().get("institution").getAsString(),
                where + ": the presenter's institution on the meeting's day");
    }

    /** Lettered items are the expected outcomes (paragraph 6) or the recommendations a presentation proposed. */
    private void letteredItems(JsonObject meeting, JsonObject item, Part part, String where) {
        List<Item> items = part.paragraphs().stream().flatMap(paragraph -> paragraph.items().stream()).toList();
        List<JsonObject> proposed = recommendationsOf(meeting, item);
        if ("welcome-remarks".equals(text(item, "kind"))) {
            assertEquals(items.stream().map(Item::text).toList(), texts(meeting.getAsJsonArray("expectedOutcomes")), "the expected outcomes");
            assertEquals(List.of(), proposed, where);
            return;
        }
        assertEquals(items.stream().map(Item::label).toList(), proposed.stream().map(recommendation -> text(recommendation, "label")).toList(),
                where + ": its recommendations' letters");
        assertEquals(items.stream().map(Item::text).toList(), proposed.stream().map(recommendation -> text(recommendation, "text")).toList(),
                where + ": its recommendations' texts");
        proposed.forEach(recommendation -> firstStep(recommendation, "proposed", FIRST_DAY));
    }

    /** Paragraphs 47-51: records labelled 1-5, adopted on the last day, whose sources are recommendations proposed here. */
    private void meetingRecommendations(JsonObject meeting, JsonObject item, Part part) {
        assertEquals(List.of(), texts(item.getAsJsonArray("paragraphs")), "the recommendations item holds records, not paragraphs");
        List<JsonObject> adopted = recommendationsOf(meeting, item);
        List<String> labels = new ArrayList<>();
        for (int label = 1; label <= part.paragraphs().size(); label++) {
            labels.add(String.valueOf(label));
        }
        assertEquals(labels, adopted.stream().map(recommendation -> text(recommendation, "label")).toList(), "the meeting's recommendations");
        assertEquals(part.paragraphs().stream().map(Paragraph::text).toList(),
                adopted.stream().map(recommendation -> text(recommendation, "text")).toList(), "the meeting's recommendations' texts");
        Map<String, JsonObject> proposedHere = new HashMap<>();
        for (JsonObject recommendation : each(meeting, "recommendations")) {
            if (!recommendation.get("proceeding").equals(item.get("id"))) {
                proposedHere.put(text(recommendation, "id"), recommendation);
            }
        }
        for (JsonObject recommendation : adopted) {
            firstStep(recommendation, "adopted", LAST_DAY);
            assertFalse(texts(recommendation.getAsJsonArray("addressees")).isEmpty(), recommendation::toString);
            for (String source : texts(recommendation.getAsJsonArray("sources"))) {
                assertTrue(proposedHere.containsKey(source), () -> "source " + source + " is not a recommendation proposed at the meeting");
            }
        }
    }

    private static void firstStep(JsonObject recommendation, String status, LocalDate on) {
        JsonObject step = each(recommendation, "history").get(0);
        assertEquals(List.of(status, on.toString(), MEETING), List.of(text(step, "status"), text(step, "on"), text(step, "meeting")),
                recommendation::toString);
        assertTrue(ADDRESSEES.containsAll(texts(recommendation.getAsJsonArray("addressees"))), recommendation::toString);
    }

    /** Paragraph 52 is the title; each row of its table is a planned meeting the item names. */
    private void otherMatters(JsonObject item, Part part) {
        assertEquals(part.paragraphs().get(0).text(), text(item, "title"));
        assertEquals(List.of(), texts(item.getAsJsonArray("paragraphs")), "other matters");
        List<List<String>> rows = part.rows().subList(1, part.rows().size()); // under the header row Date, Activities, ...
        List<String> forthcoming = texts(item.getAsJsonArray("forthcoming"));
        assertEquals(rows.size(), forthcoming.size(), () -> "one planned meeting per row of " + rows + ": " + forthcoming);
        for (int at = 0; at < rows.size(); at++) {
            plannedMeeting(rows.get(at), meetings.apply(forthcoming.get(at)));
        }
    }

    private void plannedMeeting(List<String> row, JsonObject meeting) {
        String activity = row.get(1);
        String place = row.get(2);
        int comma = place.lastIndexOf(", ");
        List<String> expected = new ArrayList<>(List.of("nadi", "planned", row.get(3).toLowerCase(Locale.ROOT)));
        expected.add(activity.equals("Annual General Meeting") ? "annual-meeting" : "meeting");
        // A theme is the table's text after "NADI Meeting on", or its words for an activity it gives none ("Meeting").
        expected.add(activity.startsWith(THEMED_MEETING) ? activity.substring(THEMED_MEETING.length()) : activity);
        if (!activity.startsWith(THEMED_MEETING) && !activity.equals("Meeting") && !activity.equals("Annual General Meeting")) {
            fail("an activity the check does not know: " + activity);
        }
        String country = comma < 0 ? place : place.substring(comma + 2);
        expected.add(membership.countryCalled(country).orElseThrow(() -> new AssertionError("no country called " + country)));
        expected.add(comma < 0 ? null : place.substring(0, comma));
        Matcher days = DAYS.matcher(row.get(0));
        Matcher month = MONTH.matcher(row.get(0));
        expected.addAll(days.matches() ? dates(days, "day") : month.matches() ? monthDates(month) : List.of("unreadable " + row.get(0)));
        List<String> actual = Arrays.asList(text(meeting, "body"), text(meeting, "status"), text(meeting, "mode"), text(meeting, "kind"),
                text(meeting, "theme"), text(meeting, "hostCountry"), text(meeting, "city"), text(meeting, "from"), text(meeting, "to"),
                text(meeting, "dateAccuracy"));
        assertEquals(expected, actual, () -> "the planned meeting of " + row + ": " + meeting);
    }

    /** From, to and accuracy of "18th – 21st September 2024" or "28 April - 1 May 2025". */
    private static List<String> dates(Matcher days, String accuracy) {
        int year = Integer.parseInt(days.group(5));
        Month to = month(days.group(4));
        Month from = days.group(2) == null ? to : month(days.group(2));
        return List.of(LocalDate.of(year, from, Integer.parseInt(days.group(1))).toString(),
                LocalDate.of(year, to, Integer.parseInt(days.group(3))).toString(), accuracy);
    }

    private static List<String> monthDates(Matcher month) {
        YearMonth whole = YearMonth.of(Integer.parseInt(month.group(2)), month(month.group(1)));
        return List.of(whole.atDay(1).toString(), whole.atEndOfMonth().toString(), "month");
    }

    private static Month month(String name) {
        return Arrays.stream(Month.values()).filter(month -> month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("not a month: " + name));
    }

    /** No numbered paragraph or lettered item from 3 on is dropped or repeated anywhere in the document. */
    public void everyParagraphOnce(JsonObject meeting) {
        List<String> held = new ArrayList<>(texts(meeting.getAsJsonArray("expectedOutcomes")));
        held.addAll(texts(meeting.getAsJsonArray("topics")));
        for (JsonObject item : each(meeting, "proceedings")) {
            held.addAll(texts(item.getAsJsonArray("paragraphs")));
            held.add(text(item, "title"));
        }
        each(meeting, "recommendations").forEach(recommendation -> held.add(text(recommendation, "text")));
        for (Paragraph paragraph : report.paragraphs()) {
            if (paragraph.number() <= 2) {
                continue; // generated from the facts openingFacts checks
            }
            List<String> expected = new ArrayList<>(List.of(paragraph.text()));
            paragraph.items().forEach(item -> expected.add(item.text()));
            for (String text : expected) {
                long times = held.stream().filter(text::equals).count();
                assertEquals(1, times, () -> "paragraph " + paragraph.number() + " is held " + times + " times: " + text);
            }
        }
    }

    /** Every person and institution is one of membership's, of the country the document says, affiliated as it says. */
    public void referencesIntoMembership(JsonObject meeting) {
        String host = text(meeting, "hostCountry");
        assertEquals(host, membership.institution(text(meeting, "organiser")).orElseThrow().get("country").getAsString(), "the organiser");
        String chairsInstitution = membership.affiliation(text(meeting, "chair"), FIRST_DAY).orElseThrow().get("institution").getAsString();
        assertEquals(host, membership.institution(chairsInstitution).orElseThrow().get("country").getAsString(), "the chair");
        Set<String> participants = new HashSet<>();
        for (JsonObject participant : each(meeting, "participants")) {
            String person = text(participant, "person");
            String institution = text(participant, "institution");
            assertTrue(membership.person(person).isPresent(), () -> "not a membership person: " + participant);
            assertEquals(text(participant, "country"), membership.institution(institution)
                    .orElseThrow(() -> new AssertionError("not a membership institution: " + participant)).get("country").getAsString(),
                    participant::toString);
            assertEquals(institution, membership.affiliation(person, FIRST_DAY).orElseThrow().get("institution").getAsString(),
                    () -> "the participant's institution on the meeting's first day: " + participant);
            assertTrue(participants.add(person), () -> "a participant twice: " + person);
        }
        assertTrue(participants.contains(text(meeting, "chair")), "the chair is a participant");
        for (JsonObject item : each(meeting, "proceedings")) {
            String speaker = text(item, "speaker");
            assertTrue(speaker == null || participants.contains(speaker), () -> "the speaker is not a participant: " + item);
        }
    }

    /** The recommendations recorded for a proceeding, in document order. */
    private static List<JsonObject> recommendationsOf(JsonObject meeting, JsonObject item) {
        return each(meeting, "recommendations").stream().filter(recommendation -> recommendation.get("proceeding").equals(item.get("id")))
                .toList();
    }

    /** The person's membership name appears in the text as a whole name ("Nem Sowath" is not in "Nem Sowathey"). */
    private void assertNamed(String person, String text) {
        String name = membership.person(person).orElseThrow(() -> new AssertionError("not a membership person: " + person))
                .get("name").getAsString();
        assertTrue(Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find(), () -> name + " (" + person + ") is not named in: " + text);
    }

    public static List<JsonObject> each(JsonObject object, String array) {
        List<JsonObject> objects = new ArrayList<>();
        JsonArray elements = object.getAsJsonArray(array);
        assertNotNull(elements, () -> "no " + array + " in " + object);
        elements.forEach(element -> objects.add(element.getAsJsonObject()));
        return objects;
    }

    private static List<String> texts(JsonArray array) {
        assertNotNull(array);
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.getAsString()));
        return texts;
    }

    /** A string member, or null when it is absent or JSON null. */
    public static String text(JsonObject object, String member) {
        JsonElement value = object.get(member);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
