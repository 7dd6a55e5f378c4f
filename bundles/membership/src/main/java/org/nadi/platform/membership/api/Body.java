package org.nadi.platform.membership.api;

/**
 * A body institutions belong to or that meets: NADI, ADMM, ADSOM, an Experts' Working Group…
 *
 * @param id        a stable lower-case slug, e.g. {@code ewg-cyber-security}
 * @param name      e.g. "ADMM-Plus Experts' Working Group on Cyber Security"
 * @param acronym   e.g. "EWG on CS"; {@code null} if it has none
 * @param kind      one of {@link MembershipDirectory#BODY_KINDS}
 * @param parent    the id of the body it belongs to (EWGs belong to ADMM-Plus); {@code null} for none
 * @param reportsTo the id of the body it reports to; {@code null} for none
 * @param version   the record's version, which every change increments
 */
public record Body(String id, String name, String acronym, String kind, String parent, String reportsTo, long version) {
}
