package org.nadi.platform.meetings.internal;

import java.time.LocalDate;
import java.util.List;

import org.nadi.platform.meetings.api.Agenda;
import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.meetings.api.ProgrammeEntry;
import org.nadi.platform.meetings.api.Recommendation;

/**
 * What a meeting is, without what happened at it: the fields {@code PUT /meetings/{id}}
 * replaces. The fields are those of {@link Meeting}.
 */
record Header(String id, String body, String kind, String theme, String hostCountry, String organiser, String chair, String venue,
        String city, LocalDate from, LocalDate to, String dateAccuracy, String mode, String status, List<String> topics,
        List<String> expectedOutcomes) {

    Header {
        topics = List.copyOf(topics);
        expectedOutcomes = List.copyOf(expectedOutcomes);
    }

    static Header of(Meeting meeting) {
        return new Header(meeting.id(), meeting.body(), meeting.kind(), meeting.theme(), meeting.hostCountry(), meeting.organiser(),
                meeting.chair(), meeting.venue(), meeting.city(), meeting.from(), meeting.to(), meeting.dateAccuracy(), meeting.mode(),
                meeting.status(), meeting.topics(), meeting.expectedOutcomes());
    }

    Header withId(String newId) {
        return new Header(newId, body, kind, theme, hostCountry, organiser, chair, venue, city, from, to, dateAccuracy, mode, status,
                topics, expectedOutcomes);
    }

    /** A meeting of this header with these parts. */
    Meeting with(Agenda agenda, List<ProgrammeEntry> programme, List<Participant> participants, List<ProceedingItem> proceedings,
            List<Recommendation> recommendations, long version) {
        return new Meeting(id, body, kind, theme, hostCountry, organiser, chair, venue, city, from, to, dateAccuracy, mode, status,
                topics, expectedOutcomes, agenda, programme, participants, proceedings, recommendations, version);
    }

    /** The meeting with this header instead of its own, and its parts as they are. */
    Meeting replacing(Meeting meeting) {
        return with(meeting.agenda(), meeting.programme(), meeting.participants(), meeting.proceedings(), meeting.recommendations(),
                meeting.version());
    }
}
