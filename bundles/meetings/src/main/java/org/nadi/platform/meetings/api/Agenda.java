package org.nadi.platform.meetings.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A meeting's agenda (the report's Annex II).
 *
 * @param adoptedOn the day the meeting adopted it; {@code null} while it is not adopted
 * @param items     its items, in order
 */
public record Agenda(LocalDate adoptedOn, List<AgendaItem> items) {

    public Agenda {
        items = List.copyOf(items);
    }

    /** No items, not adopted. */
    public static Agenda empty() {
        return new Agenda(null, List.of());
    }
}
