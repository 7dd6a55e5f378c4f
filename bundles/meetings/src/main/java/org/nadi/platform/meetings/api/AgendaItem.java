package org.nadi.platform.meetings.api;

/**
 * One item of an agenda.
 *
 * @param title e.g. "Adoption of the agenda"
 */
public record AgendaItem(String title) {
}
