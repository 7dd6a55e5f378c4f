package org.nadi.platform.meetings.api;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One timed entry of a meeting's programme (the report's Annex III).
 *
 * @param day   the day, within the meeting's dates
 * @param start when it starts; {@code null} if not timed
 * @param end   when it ends, not before {@code start}; {@code null} if open
 * @param title e.g. "Welcome remarks"
 * @param place e.g. the room; {@code null} if not recorded
 */
public record ProgrammeEntry(LocalDate day, LocalTime start, LocalTime end, String title, String place) {
}
