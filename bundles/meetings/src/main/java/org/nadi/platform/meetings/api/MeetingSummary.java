package org.nadi.platform.meetings.api;

import java.time.LocalDate;

/**
 * A meeting as lists and calendars show it: what, where, when, and how it stands. The fields
 * are those of {@link Meeting}.
 */
public record MeetingSummary(String id, String body, String kind, String theme, String hostCountry, String city, LocalDate from,
        LocalDate to, String dateAccuracy, String mode, String status, long version) {
}
