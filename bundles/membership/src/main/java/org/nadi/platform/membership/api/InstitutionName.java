package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * What an institution was called for a period.
 *
 * @param acronym {@code null} if it had none
 */
public record InstitutionName(String name, String acronym, LocalDate from, LocalDate to) implements Dated {
}
