package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * Where a person worked, and as what, for a period.
 *
 * @param institution the institution's id
 * @param position    as the records state it, e.g. "Deputy Director-General"; {@code null} if not known
 */
public record Affiliation(String institution, String position, LocalDate from, LocalDate to) implements Dated {
}
