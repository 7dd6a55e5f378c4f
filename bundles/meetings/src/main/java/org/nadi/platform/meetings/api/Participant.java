package org.nadi.platform.meetings.api;

/**
 * One member of a delegation (the report's Annex I). Names, ranks and positions are not copied:
 * ask the membership module's {@code MembershipDirectory} for the person and institution as they
 * were on the meeting's first day.
 *
 * @param id          its number within the meeting
 * @param country     the ISO code of the delegation's country
 * @param institution the id of the membership institution the participant came from; {@code null} if not recorded
 * @param person      the id of the membership person; {@code null} for a delegation known only by country or institution
 * @param role        one of {@link MeetingRepository#PARTICIPANT_ROLES}
 */
public record Participant(long id, String country, String institution, String person, String role) {
}
