package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * A fact that held for a period: from {@link #from()} to {@link #to()}, both days included.
 */
public interface Dated {

    /** The first day the fact held; {@code null} if it held since before the records begin. */
    LocalDate from();

    /** The last day the fact held; {@code null} if it still holds. */
    LocalDate to();

    /** True if the fact held on this day. */
    default boolean holdsOn(LocalDate day) {
        return (from() == null || !day.isBefore(from())) && (to() == null || !day.isAfter(to()));
    }

    /** True if this period and the other one share at least one day. */
    default boolean overlaps(Dated other) {
        boolean startsBeforeOtherEnds = from() == null || other.to() == null || !from().isAfter(other.to());
        boolean otherStartsBeforeThisEnds = other.from() == null || to() == null || !other.from().isAfter(to());
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }
}
