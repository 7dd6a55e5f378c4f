package org.nadi.platform.membership.api;

import java.time.LocalDate;

/**
 * An institution's membership of a body for a period.
 *
 * @param id          the record's number
 * @param institution the institution's id
 * @param body        the body's id
 * @param role        one of {@link MembershipDirectory#ROLES}
 * @param version     the record's version, which every change increments
 */
public record Membership(long id, String institution, String body, String role, LocalDate from, LocalDate to, long version)
        implements Dated {
}
