package org.nadi.platform.meetings.api;

import java.time.LocalDate;

/**
 * One step in what became of a recommendation.
 *
 * @param status   one of {@link MeetingRepository#RECOMMENDATION_STATUSES}
 * @param on       the day it happened, never before the step before it
 * @param meeting  the id of the meeting where it happened; {@code null} if it was not at a meeting
 * @param document the document where it happened, e.g. "Joint Declaration of the 18th ADMM"; {@code null} if none
 * @param note     a remark; {@code null} if none
 */
public record FollowUp(String status, LocalDate on, String meeting, String document, String note) {
}
