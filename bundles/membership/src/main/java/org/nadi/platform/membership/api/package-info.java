/**
 * The membership directory as other modules see it: countries and their standing in groupings
 * over time, bodies, institutions with their name history, memberships of bodies, people with
 * their affiliations, and EWG co-chair cycles. Take a
 * {@link org.nadi.platform.membership.api.MembershipDirectory} with {@code @Reference} and ask it
 * what held on a date.
 *
 * <p>Every dated fact has a {@code from} and a {@code to} date, both inclusive; a {@code null}
 * {@code from} means "since before the records begin", a {@code null} {@code to} "still so".
 */
@Export
@Version("1.1.0")
package org.nadi.platform.membership.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
