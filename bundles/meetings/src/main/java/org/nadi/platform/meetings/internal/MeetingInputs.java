package org.nadi.platform.meetings.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.nadi.platform.meetings.api.Agenda;
import org.nadi.platform.meetings.api.AgendaItem;
import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingRepository;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;

/**
 * Reads what clients send (a whole meeting document, or one of its parts) into the API's
 * records, checking each field's form: required fields, ids, codes, dates, kinds. Rules that
 * look across fields are {@link MeetingRules}'; references into the membership directory are
 * {@link References}'. Fields the server derives ({@code label}, {@code status},
 * {@code countries}, participants' names, {@code version}) are ignored when sent.
 */
final class MeetingInputs {

    static final int MAX_ID = 80;
    static final int MAX_RECOMMENDATION_ID = 100;
    static final int MAX_NAME = 300;
    static final int MAX_TITLE = 1000;
    static final int MAX_LIST_TEXT = 4000;
    static final int MAX_PARAGRAPH = 20000;
    static final int MAX_COMMENT = 5000;
    private static final int MIN_ID = 3;
    private static final int MAX_TOPIC = 60;

    private MeetingInputs() {
    }

    /**
     * A whole meeting as {@code POST /meetings} takes it. Participants and proceedings without
     * an id are numbered after the highest one given; recommendations without history get
     * their first step from {@link MeetingRules#withFirstStep}. The id, if absent, is made
     * from the body, the year and month, and the city.
     */
    static Meeting document(JsonInput in) throws Refused {
        Header header = header(in, in.has("id") ? meetingId(in.field("id"), in) : null);
        if (header.id() == null) {
            header = header.withId(generatedId(header));
        }
        JsonInput agendaInput = in.optionalObject("agenda");
        Agenda agenda = agendaInput == null ? Agenda.empty() : agenda(agendaInput);
        List<ProgrammeEntry> programme = new ArrayList<>();
        for (JsonInput entry : in.objects("programme")) {
            programme.add(programmeEntry(entry));
        }
        List<JsonInput> participantInputs = in.objects("participants");
        List<Long> participantIds = numbered(participantInputs);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < participantInputs.size(); i++) {
            participants.add(participant(participantInputs.get(i), participantIds.get(i)));
        }
        List<JsonInput> itemInputs = in.objects("proceedings");
        List<Long> itemIds = numbered(itemInputs);
        List<ProceedingItem> proceedings = new ArrayList<>();
        for (int i = 0; i < itemInputs.size(); i++) {
            proceedings.add(proceeding(itemInputs.get(i), itemIds.get(i)));
        }
        Meeting meeting = header.with(agenda, programme, participants, proceedings, List.of(), 0);
        List<Recommendation> recommendations = new ArrayList<>();
        for (JsonInput recommendation : in.objects("recommendations")) {
            recommendations.add(MeetingRules.withFirstStep(meeting, recommendation(recommendation, header.id())));
        }
        return header.with(agenda, programme, participants, proceedings, recommendations, 0);
    }

    /** The header fields, as {@code PUT /meetings/{id}} takes them, with the given id. */
    static Header header(JsonInput in, String id) throws Refused {
        String dateAccuracy = in.oneOf("dateAccuracy", MeetingRepository.DATE_ACCURACIES, MeetingRepository.DAY);
        LocalDate from = in.date("from");
        LocalDate to = in.optionalDate("to");
        if (to == null) {
            // One day, or the whole month when only the month is known.
            to = dateAccuracy.equals(MeetingRepository.MONTH) ? from.withDayOfMonth(from.lengthOfMonth()) : from;
        }
        return new Header(id, in.slug("body", 100), in.oneOf("kind", MeetingRepository.KINDS, null),
                in.text("theme", MAX_TITLE), in.code("hostCountry"), in.optionalSlug("organiser", 100), in.optionalSlug("chair", 100),
                in.optionalText("venue", MAX_NAME), in.optionalText("city", MAX_NAME), from, to, dateAccuracy,
                in.oneOf("mode", MeetingRepository.MODES, "physical"), in.oneOf("status", MeetingRepository.STATUSES, "planned"),
                in.texts("topics", MAX_LIST_TEXT), in.texts("expectedOutcomes", MAX_LIST_TEXT));
    }

    /** A meeting's id: a slug of 3 to 80 characters. */
    static String meetingId(String field, JsonInput in) throws Refused {
        String id = in.slug("id", MAX_ID);
        if (id.length() < MIN_ID) {
            throw Refused.malformed(field, field + " is '" + id + "'; a meeting's id has at least " + MIN_ID + " characters.");
        }
        return id;
    }

    /** {@code nadi-2024-09-siem-reap}: the body, the year and month it began, and the city if known. */
    static String generatedId(Header header) {
        String id = header.body() + "-" + header.from().getYear() + "-" + String.format("%02d", header.from().getMonthValue());
        if (header.city() != null) {
            String city = Normalizer.normalize(header.city(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            if (!city.isEmpty()) {
                id += "-" + city;
            }
        }
        return id.length() <= MAX_ID ? id : id.substring(0, MAX_ID).replaceAll("-+$", "");
    }

    static Agenda agenda(JsonInput in) throws Refused {
        List<AgendaItem> items = new ArrayList<>();
        for (JsonInput item : in.objects("items")) {
            items.add(new AgendaItem(item.text("title", MAX_TITLE)));
        }
        return new Agenda(in.optionalDate("adoptedOn"), items);
    }

    static ProgrammeEntry programmeEntry(JsonInput in) throws Refused {
        return new ProgrammeEntry(in.date("day"), in.optionalTime("start"), in.optionalTime("end"), in.text("title", MAX_TITLE),
                in.optionalText("place", MAX_NAME));
    }

    static Participant participant(JsonInput in, long id) throws Refused {
        return new Participant(id, in.code("country"), in.optionalSlug("institution", 100), in.optionalSlug("person", 100),
                in.oneOf("role", MeetingRepository.PARTICIPANT_ROLES, null));
    }

    static ProceedingItem proceeding(JsonInput in, long id) throws Refused {
        return new ProceedingItem(id, in.oneOf("kind", MeetingRepository.PROCEEDING_KINDS, null), in.optionalSlug("speaker", 100),
                in.optionalText("title", MAX_TITLE), in.optionalId("session"), in.optionalCode("country"),
                in.optionalSlug("institution", 100), in.texts("paragraphs", MAX_PARAGRAPH),
                in.each("forthcoming", (path, value) -> JsonInput.slug(path, value, MAX_ID)));
    }

    /**
     * A recommendation of the meeting; its id {@code null} if the server is to choose it, and its
     * history empty if none was sent.
     */
    static Recommendation recommendation(JsonInput in, String meetingId) throws Refused {
        Long proceeding = in.optionalId("proceeding");
        if (proceeding == null) {
            throw Refused.malformed(in.field("proceeding"), in.field("proceeding")
                    + " is missing; give the id of the proceeding item that made the recommendation.");
        }
        List<FollowUp> history = new ArrayList<>();
        for (JsonInput step : in.objects("history")) {
            history.add(followUp(step));
        }
        return new Recommendation(in.optionalSlug("id", MAX_RECOMMENDATION_ID), meetingId, proceeding, null,
                in.text("text", MAX_PARAGRAPH),
                in.each("addressees", (path, value) -> JsonInput.oneOf(path, value, MeetingRepository.ADDRESSEES)),
                in.each("topics", (path, value) -> JsonInput.slug(path, value.toLowerCase(Locale.ROOT), MAX_TOPIC)),
                in.each("sources", (path, value) -> JsonInput.slug(path, value, MAX_RECOMMENDATION_ID)), List.of(), history);
    }

    static FollowUp followUp(JsonInput in) throws Refused {
        return new FollowUp(in.oneOf("status", MeetingRepository.RECOMMENDATION_STATUSES, null), in.date("on"),
                in.optionalSlug("meeting", MAX_ID), in.optionalText("document", MAX_TITLE), in.optionalText("note", MAX_LIST_TEXT));
    }

    /**
     * The ids of a list's objects: those given, which must be unique, and for the others the
     * next numbers after the highest given, in order.
     */
    private static List<Long> numbered(List<JsonInput> objects) throws Refused {
        Map<Long, Integer> given = new HashMap<>();
        long highest = 0;
        for (int i = 0; i < objects.size(); i++) {
            Long id = objects.get(i).optionalId("id");
            if (id != null) {
                Integer other = given.put(id, i);
                if (other != null) {
                    throw Refused.invalid(objects.get(i).field("id"), objects.get(i).field("id") + " is " + id
                            + ", which entry " + other + " has too; give each its own id, or none to have one given.");
                }
                highest = Math.max(highest, id);
            }
        }
        List<Long> ids = new ArrayList<>();
        for (JsonInput object : objects) {
            Long id = object.optionalId("id");
            ids.add(id != null ? id : ++highest);
        }
        return ids;
    }
}
