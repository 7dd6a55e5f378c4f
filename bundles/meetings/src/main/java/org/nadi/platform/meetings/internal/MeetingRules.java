package org.nadi.platform.meetings.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.nadi.platform.meetings.api.FollowUp;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.MeetingRepository;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;

/**
 * The rules a meeting keeps across its fields and parts, checked on the meeting as it would be
 * after a change, before anything is written. Each check names the field at fault after the
 * given path: {@code proceedings[4].} for a posted document, nothing for a part sent alone.
 * References into the membership directory are {@link References}' business, and those to
 * other meetings and recommendations the store's.
 */
final class MeetingRules {

    static final String COUNTRY_PRESENTATION = "country-presentation";
    static final String EXPERT_PRESENTATION = "expert-presentation";
    static final String SESSION = "session";
    static final String RECOMMENDATIONS = "recommendations";
    static final String OTHER_MATTERS = "other-matters";
    static final String PROPOSED = "proposed";
    static final String ADOPTED = "adopted";
    static final String HELD = "held";

    private MeetingRules() {
    }

    /** Every rule, on a whole document; fields are named by their path in it. */
    static void checkDocument(Meeting meeting) throws Refused {
        checkDates(Header.of(meeting));
        checkProgramme(meeting.programme(), meeting.from(), meeting.to(), "programme");
        checkParticipants(meeting.participants(), "participants");
        for (int i = 0; i < meeting.proceedings().size(); i++) {
            checkProceeding(meeting, i, "proceedings[" + i + "].");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < meeting.recommendations().size(); i++) {
            Recommendation recommendation = meeting.recommendations().get(i);
            String at = "recommendations[" + i + "].";
            if (recommendation.id() != null && !ids.add(recommendation.id())) {
                throw Refused.invalid(at + "id", at + "id is '" + recommendation.id()
                        + "', which an earlier recommendation has too; give each its own id, or none to have one given.");
            }
            checkRecommendation(meeting, recommendation, at);
        }
    }

    /**
     * The meeting ends on or after its first day; a meeting known only by its month runs from
     * the first to the last day of a month.
     */
    static void checkDates(Header header) throws Refused {
        if (header.to().isBefore(header.from())) {
            throw Refused.invalid("to", "to (" + header.to() + ") is before from (" + header.from()
                    + "); a meeting's last day cannot come before its first.");
        }
        if (header.dateAccuracy().equals(MeetingRepository.MONTH)) {
            if (header.from().getDayOfMonth() != 1) {
                throw Refused.invalid("from", "from is " + header.from() + ", but a meeting known only by its month starts on the"
                        + " first of the month: send " + header.from().withDayOfMonth(1) + ".");
            }
            if (header.to().getDayOfMonth() != header.to().lengthOfMonth()) {
                throw Refused.invalid("to", "to is " + header.to() + ", but a meeting known only by its month ends on the last day"
                        + " of a month: send " + header.to().withDayOfMonth(header.to().lengthOfMonth()) + ".");
            }
        }
    }

    /** Each entry is on a day of the meeting and ends no earlier than it starts; fields {@code <at>[i].day}. */
    static void checkProgramme(List<ProgrammeEntry> programme, LocalDate from, LocalDate to, String at) throws Refused {
        for (int i = 0; i < programme.size(); i++) {
            ProgrammeEntry entry = programme.get(i);
            String field = at + "[" + i + "].";
            if (entry.day().isBefore(from) || entry.day().isAfter(to)) {
                throw Refused.invalid(field + "day", field + "day is " + entry.day() + ", which is not a day of the meeting ("
                        + from + " to " + to + ").");
            }
            if (entry.start() != null && entry.end() != null && entry.end().isBefore(entry.start())) {
                throw Refused.invalid(field + "end", field + "end (" + entry.end() + ") is before its start (" + entry.start() + ").");
            }
        }
    }

    /** No person takes part twice; fields {@code <at>[i].person}. */
    static void checkParticipants(List<Participant> participants, String at) throws Refused {
        Map<String, Long> seen = new HashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            if (participant.person() == null) {
                continue;
            }
            Long other = seen.putIfAbsent(participant.person(), participant.id());
            if (other != null) {
                String field = at + "[" + i + "].person";
                throw Refused.invalid(field, field + " is '" + participant.person() + "', who is already participant " + other
                        + " of the meeting; change that entry instead.");
            }
        }
    }

    /**
     * The rules of the proceeding item at {@code index}: a country presentation names its
     * country; a presentation's speaker is a participant; a session it belongs to comes before
     * it; only "other matters" lists forthcoming meetings.
     */
    static void checkProceeding(Meeting meeting, int index, String at) throws Refused {
        ProceedingItem item = meeting.proceedings().get(index);
        if (item.kind().equals(COUNTRY_PRESENTATION) && item.country() == null) {
            throw Refused.invalid(at + "country", at + "country is missing; a country presentation names the presenting"
                    + " country, e.g. \"country\": \"BN\".");
        }
        if (isPresentation(item) && item.speaker() != null && !participantPeople(meeting).contains(item.speaker())) {
            throw Refused.invalid(at + "speaker", at + "speaker is '" + item.speaker() + "', who is not a participant of the meeting;"
                    + " add them to its participants first (POST /api/v1/meetings/" + meeting.id() + "/participants).");
        }
        if (item.session() != null) {
            int session = indexOf(meeting.proceedings(), item.session());
            if (item.kind().equals(SESSION) || session < 0 || session >= index
                    || !meeting.proceedings().get(session).kind().equals(SESSION)) {
                throw Refused.invalid(at + "session", at + "session is " + item.session() + ", which is not a session item before"
                        + " this one" + (item.kind().equals(SESSION) ? " (a session belongs to no other)" : "")
                        + "; give the id of the session heading it belongs to, or null.");
            }
        }
        if (!item.forthcoming().isEmpty()) {
            if (!item.kind().equals(OTHER_MATTERS)) {
                throw Refused.invalid(at + "forthcoming", at + "forthcoming lists meetings, which only an \"other-matters\" item"
                        + " does; this item is a " + item.kind() + ".");
            }
            int own = item.forthcoming().indexOf(meeting.id());
            if (own >= 0) {
                throw Refused.invalid(at + "forthcoming[" + own + "]", "A meeting is not its own forthcoming activity.");
            }
        }
    }

    /**
     * A recommendation belongs to a proceeding item of its meeting, names no source twice nor
     * itself, and its history's days never go back.
     */
    static void checkRecommendation(Meeting meeting, Recommendation recommendation, String at) throws Refused {
        if (meeting.proceeding(recommendation.proceeding()).isEmpty()) {
            throw Refused.unknown(at + "proceeding", at + "proceeding is " + recommendation.proceeding() + ", which is no item of"
                    + " the meeting's proceedings; give the id of the presentation or recommendations item that made it.");
        }
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < recommendation.sources().size(); i++) {
            String source = recommendation.sources().get(i);
            if (source.equals(recommendation.id()) || !sources.add(source)) {
                throw Refused.invalid(at + "sources[" + i + "]", at + "sources[" + i + "] is '" + source + "', which is "
                        + (source.equals(recommendation.id()) ? "the recommendation itself" : "listed twice") + ".");
            }
        }
        checkHistory(recommendation.history(), at + "history");
    }

    /** Steps follow each other in time: no step is dated before the one before it. */
    static void checkHistory(List<FollowUp> history, String at) throws Refused {
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).on().isBefore(history.get(i - 1).on())) {
                throw Refused.invalid(at + "[" + i + "].on", at + "[" + i + "].on (" + history.get(i).on() + ") is before the step"
                        + " before it (" + history.get(i - 1).on() + "); steps are listed oldest first.");
            }
        }
    }

    /** A follow-up step added to a history: not dated before its last step; field {@code on}. */
    static void checkNextStep(List<FollowUp> history, FollowUp step) throws Refused {
        FollowUp last = history.get(history.size() - 1);
        if (step.on().isBefore(last.on())) {
            throw Refused.invalid("on", "on (" + step.on() + ") is before the recommendation's last step (" + last.status() + " on "
                    + last.on() + "); a follow-up step cannot precede it.");
        }
    }

    /**
     * The recommendation with its first step if it came without history: proposed on the
     * meeting's first day in a presentation; adopted on its last day, when the meeting endorsed
     * its report, if it is one of the meeting's own recommendations.
     */
    static Recommendation withFirstStep(Meeting meeting, Recommendation recommendation) {
        if (!recommendation.history().isEmpty()) {
            return recommendation;
        }
        boolean ownRecommendation = meeting.proceeding(recommendation.proceeding())
                .map(item -> item.kind().equals(RECOMMENDATIONS)).orElse(false);
        FollowUp first = ownRecommendation ? new FollowUp(ADOPTED, meeting.to(), meeting.id(), null, null)
                : new FollowUp(PROPOSED, meeting.from(), meeting.id(), null, null);
        return new Recommendation(recommendation.id(), recommendation.meeting(), recommendation.proceeding(), recommendation.label(),
                recommendation.text(), recommendation.addressees(), recommendation.topics(), recommendation.sources(),
                recommendation.countries(), List.of(first));
    }

    /**
     * The label of the recommendation at {@code position} (from 0) in its item: {@code 1}, {@code 2}, …
     * among a meeting's own recommendations, {@code a}, {@code b}, … ({@code aa} after {@code z}) elsewhere.
     */
    static String label(String itemKind, int position) {
        if (itemKind.equals(RECOMMENDATIONS)) {
            return String.valueOf(position + 1);
        }
        StringBuilder letters = new StringBuilder();
        for (int n = position; n >= 0; n = n / 26 - 1) {
            letters.insert(0, (char) ('a' + n % 26));
        }
        return letters.toString();
    }

    static boolean isPresentation(ProceedingItem item) {
        return item.kind().equals(COUNTRY_PRESENTATION) || item.kind().equals(EXPERT_PRESENTATION);
    }

    private static Set<String> participantPeople(Meeting meeting) {
        return meeting.participants().stream().map(Participant::person).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    static int indexOf(List<ProceedingItem> items, long itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == itemId) {
                return i;
            }
        }
        return -1;
    }
}
