package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * The two countries that co-chair an Experts' Working Group for a cycle of about three years.
 * Cycles of the same body may overlap while one hands over to the next.
 *
 * @param id           the record's number
 * @param body         the body's id, e.g. {@code ewg-cyber-security}
 * @param aseanCountry the ISO code of the ASEAN co-chair
 * @param plusCountry  the ISO code of the Plus (dialogue partner) co-chair
 * @param version      the record's version, which every change increments
 */
public record CoChairCycle(long id, String body, String aseanCountry, String plusCountry, LocalDate from, LocalDate to,
        long version) implements Dated {
}
