package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * A country's standing in a grouping for a period, e.g. Timor-Leste an {@code asean-observer}
 * from 2022 until it became an {@code asean-member} on 26 October 2025.
 *
 * @param grouping one of {@link MembershipDirectory#GROUPINGS}
 */
public record Standing(String grouping, LocalDate from, LocalDate to) implements Dated {
}
