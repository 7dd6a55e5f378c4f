package org.nadi.platform.meetings.api;

import java.util.List;

/**
 * One item of a meeting's proceedings: remarks, a presentation, a session heading, the
 * discussion, the meeting's recommendations, other matters, the consideration of the report.
 * The recommendations an item proposed are the meeting's {@link Recommendation}s whose
 * {@link Recommendation#proceeding()} is this item's id.
 *
 * @param id          its number within the meeting, which never changes
 * @param kind        one of {@link MeetingRepository#PROCEEDING_KINDS}
 * @param speaker     the id of the membership person who spoke or presented; {@code null} if none
 * @param title       e.g. a session's or presentation's title; {@code null} if none
 * @param session     the id of the {@code session} item it belongs to, which comes before it; {@code null} if none
 * @param country     the ISO code of the presenting country; always set for a {@code country-presentation}
 * @param institution the id of the presenting membership institution; {@code null} if not recorded
 * @param paragraphs  the report's paragraphs of this item, in order (the summary of a presentation)
 * @param forthcoming for {@code other-matters}: the ids of the forthcoming meetings it lists, in order
 */
public record ProceedingItem(long id, String kind, String speaker, String title, Long session, String country, String institution,
        List<String> paragraphs, List<String> forthcoming) {

    public ProceedingItem {
        paragraphs = List.copyOf(paragraphs);
        forthcoming = List.copyOf(forthcoming);
    }
}
