package org.nadi.platform.meetings.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A meeting with everything recorded of it: enough to write its Chairman's Report. The header
 * (body … expected outcomes) says what the meeting is; the parts say what happened at it.
 *
 * @param id               a stable lower-case slug, e.g. {@code nadi-2024-09-siem-reap}
 * @param body             the id of the membership body that met, e.g. {@code nadi}
 * @param kind             one of {@link MeetingRepository#KINDS}
 * @param theme            the meeting's theme or title
 * @param hostCountry      the ISO code of the host country, a membership country
 * @param organiser        the id of the organising membership institution; {@code null} if not recorded
 * @param chair            the id of the membership person who chaired it; {@code null} if not recorded
 * @param venue            e.g. the hotel; {@code null} if not recorded
 * @param city             e.g. "Siem Reap"; {@code null} if not recorded (or virtual)
 * @param from             its first day
 * @param to               its last day, never before {@code from}
 * @param dateAccuracy     {@link MeetingRepository#DAY} when the days are known, {@link MeetingRepository#MONTH}
 *                         when only the month is ("November 2025": from the 1st to the last day of it)
 * @param mode             one of {@link MeetingRepository#MODES}
 * @param status           one of {@link MeetingRepository#STATUSES}
 * @param topics           the topics it was to discuss, in order
 * @param expectedOutcomes the outcomes it expected, in order
 * @param agenda           its agenda and when it was adopted
 * @param programme        its timed programme, in order
 * @param participants     its participants by delegation, in order
 * @param proceedings      what happened, in the order of the report
 * @param recommendations  the recommendations proposed or adopted at it, by proceeding and label
 * @param version          the meeting's version, which every change to it or anything in it increments
 */
public record Meeting(String id, String body, String kind, String theme, String hostCountry, String organiser, String chair,
        String venue, String city, LocalDate from, LocalDate to, String dateAccuracy, String mode, String status,
        List<String> topics, List<String> expectedOutcomes, Agenda agenda, List<ProgrammeEntry> programme,
        List<Participant> participants, List<ProceedingItem> proceedings, List<Recommendation> recommendations, long version) {

    public Meeting {
        topics = List.copyOf(topics);
        expectedOutcomes = List.copyOf(expectedOutcomes);
        programme = List.copyOf(programme);
        participants = List.copyOf(participants);
        proceedings = List.copyOf(proceedings);
        recommendations = List.copyOf(recommendations);
    }

    /** The proceeding item with this id. */
    public Optional<ProceedingItem> proceeding(long itemId) {
        return proceedings.stream().filter(item -> item.id() == itemId).findFirst();
    }

    /** The recommendations of one proceeding item, by label. */
    public List<Recommendation> recommendationsOf(long itemId) {
        return recommendations.stream().filter(recommendation -> recommendation.proceeding() == itemId).toList();
    }

    /** The meeting without its parts, as lists show it. */
    public MeetingSummary summary() {
        return new MeetingSummary(id, body, kind, theme, hostCountry, city, from, to, dateAccuracy, mode, status, version);
    }
}
