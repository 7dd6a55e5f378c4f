package org.nadi.platform.meetings.api;

import java.time.LocalDate;

/**
 * Which recommendations to list across meetings: each criterion left {@code null} lets every
 * recommendation through; those given must all hold. Start from {@link #all()} and narrow it:
 *
 * <pre>{@code
 * RecommendationFilter adoptedOnAi = RecommendationFilter.all().topic("ai").status("adopted");
 * }</pre>
 *
 * @param topic     has this topic
 * @param addressee addresses this one of {@link MeetingRepository#ADDRESSEES}
 * @param status    stands at this status now (its last step)
 * @param country   has this country of origin
 * @param from      made at a meeting that ended on or after this day
 * @param to        made at a meeting that began on or before this day
 * @param text      its text contains this, whatever the case
 * @param meeting   made at this meeting
 * @param limit     at most this many, from 1
 * @param offset    after skipping this many, newest meeting first
 */
public record RecommendationFilter(String topic, String addressee, String status, String country, LocalDate from, LocalDate to,
        String text, String meeting, int limit, int offset) {

    /** The limit of {@link #all()}. */
    public static final int DEFAULT_LIMIT = 50;

    public RecommendationFilter {
        if (limit < 1 || offset < 0) {
            throw new IllegalArgumentException("limit must be at least 1 and offset not negative");
        }
    }

    /** Every recommendation, the first {@value #DEFAULT_LIMIT}. */
    public static RecommendationFilter all() {
        return new RecommendationFilter(null, null, null, null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    public RecommendationFilter topic(String value) {
        return new RecommendationFilter(value, addressee, status, country, from, to, text, meeting, limit, offset);
    }

    public RecommendationFilter addressee(String value) {
        return new RecommendationFilter(topic, value, status, country, from, to, text, meeting, limit, offset);
    }

    public RecommendationFilter status(String value) {
        return new RecommendationFilter(topic, addressee, value, country, from, to, text, meeting, limit, offset);
    }

    public RecommendationFilter country(String value) {
        return new RecommendationFilter(topic, addressee, status, value, from, to, text, meeting, limit, offset);
    }

    /** Made at meetings held (at least partly) between the two days; either may be null. */
    public RecommendationFilter between(LocalDate first, LocalDate last) {
        return new RecommendationFilter(topic, addressee, status, country, first, last, text, meeting, limit, offset);
    }

    public RecommendationFilter text(String value) {
        return new RecommendationFilter(topic, addressee, status, country, from, to, value, meeting, limit, offset);
    }

    public RecommendationFilter meeting(String value) {
        return new RecommendationFilter(topic, addressee, status, country, from, to, text, value, limit, offset);
    }

    /** One page of the answer: {@code limit} recommendations after the first {@code offset}. */
    public RecommendationFilter page(int pageLimit, int pageOffset) {
        return new RecommendationFilter(topic, addressee, status, country, from, to, text, meeting, pageLimit, pageOffset);
    }
}
