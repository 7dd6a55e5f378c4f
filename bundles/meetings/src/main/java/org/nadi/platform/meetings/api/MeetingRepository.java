package org.nadi.platform.meetings.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The meetings and their recommendations, for other modules to read: a calendar of
 * forthcoming activities, a report renderer, a guideline registry that links the
 * recommendations it answers.
 *
 * <pre>{@code
 * @Component
 * public final class ChairmansReport {
 *     private final MeetingRepository meetings;
 *
 *     @Activate
 *     public ChairmansReport(@Reference MeetingRepository meetings) {
 *         this.meetings = meetings;
 *     }
 *
 *     String recommendationsOf(String meetingId) {
 *         Meeting meeting = meetings.meeting(meetingId).orElseThrow();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * Answers come from the database as it is when asked; a failure to read it is an
 * {@link IllegalStateException}. To hear of changes, listen for the Event Admin topics of
 * {@link MeetingEvents}. Changes are made over REST ({@code /api/v1/meetings}, see
 * {@code docs/meetings.md}), where every rule is checked.
 */
@ProviderType
public interface MeetingRepository {

    /** Every kind of meeting. */
    List<String> KINDS = List.of("annual-meeting", "meeting", "workshop", "retreat", "ewg-meeting", "conference",
            "table-top-exercise", "field-exercise", "training");
    /** Every mode of meeting. */
    List<String> MODES = List.of("physical", "virtual", "hybrid");
    /** Every status of a meeting. */
    List<String> STATUSES = List.of("planned", "held", "postponed", "cancelled");
    /** The date accuracy of a meeting whose days are known. */
    String DAY = "day";
    /** The date accuracy of a meeting known only by its month. */
    String MONTH = "month";
    /** Every date accuracy. */
    List<String> DATE_ACCURACIES = List.of(DAY, MONTH);
    /** Every role of a participant. */
    List<String> PARTICIPANT_ROLES = List.of("head-of-delegation", "delegate", "presenter", "observer", "secretariat");
    /** Every kind of proceeding item. */
    List<String> PROCEEDING_KINDS = List.of("welcome-remarks", "opening-remarks", "keynote", "closing-remarks",
            "expert-presentation", "agenda-adoption", "session", "country-presentation", "discussion", "recommendations",
            "other-matters", "report-consideration");
    /** Whom a recommendation can address; {@code AMS} are the ASEAN member states. */
    List<String> ADDRESSEES = List.of("ADMM", "ADMM-Plus", "ADSOM", "ADSOM-Plus", "ASEAN", "NADI", "AMS", "EWG");
    /** Every status a recommendation can reach, in the usual order of its life. */
    List<String> RECOMMENDATION_STATUSES = List.of("proposed", "adopted", "reaffirmed", "in-progress", "implemented", "dropped");

    /** The meeting with this id, complete with all its parts. */
    Optional<Meeting> meeting(String id);

    /**
     * The meetings held at least partly between the two days (both inclusive; either may be
     * null for "unbounded"), of the body if it is not null, by first day.
     */
    List<MeetingSummary> meetings(LocalDate from, LocalDate to, String body);

    /** The recommendation with this id, with its whole history. */
    Optional<Recommendation> recommendation(String id);

    /** The recommendations the filter lets through, newest meeting first, one page of them. */
    List<Recommendation> recommendations(RecommendationFilter filter);

    /** How many recommendations the filter lets through, whatever its page. */
    int countRecommendations(RecommendationFilter filter);
}
