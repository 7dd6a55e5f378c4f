package org.nadi.platform.membership.api;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who belonged to what, and when: the membership module's service for other modules.
 *
 * <pre>{@code
 * @Component
 * public final class ReportHeader {
 *     private final MembershipDirectory directory;
 *
 *     @Activate
 *     public ReportHeader(@Reference MembershipDirectory directory) {
 *         this.directory = directory;
 *     }
 *
 *     int aseanMembersOn(LocalDate meetingDay) {
 *         return directory.countriesIn(MembershipDirectory.ASEAN_MEMBER, meetingDay).size();
 *     }
 * }
 * }</pre>
 *
 * Answers come from the database as it is when asked; a failure to read it is an
 * {@link IllegalStateException}. To hear of changes, listen for the Event Admin topics of
 * {@link MembershipEvents}.
 */
@ProviderType
public interface MembershipDirectory {

    /** The ASEAN member states. */
    String ASEAN_MEMBER = "asean-member";
    /** ASEAN observers (Timor-Leste from 2022 until it became a member). */
    String ASEAN_OBSERVER = "asean-observer";
    /** The ADMM-Plus dialogue partners. */
    String ADMM_PLUS_PARTNER = "admm-plus-partner";
    /** Every grouping a country can stand in. */
    List<String> GROUPINGS = List.of(ASEAN_MEMBER, ASEAN_OBSERVER, ADMM_PLUS_PARTNER);
    /** Every kind of body. */
    List<String> BODY_KINDS = List.of("network", "ministerial", "senior-officials", "working-group");
    /** Every role an institution can have in a body. */
    List<String> ROLES = List.of("member", "secretariat", "observer");

    /** The country with this ISO code. */
    Optional<Country> country(String code);

    /** The countries that stood in the grouping on that day, by code. */
    List<Country> countriesIn(String grouping, LocalDate day);

    /** The body with this id. */
    Optional<Body> body(String id);

    /** The institution with this id, with its whole name history (see {@link Institution#nameOn}). */
    Optional<Institution> institution(String id);

    /**
     * The institutions with these ids, by id, each with its name history; ids of no institution
     * are left out. One read for a whole list (a meeting's delegations, say) instead of one per id.
     *
     * @since 1.1
     */
    Map<String, Institution> institutions(Collection<String> ids);

    /** The institution's name on that day, if it had one then. */
    Optional<InstitutionName> institutionName(String institutionId, LocalDate day);

    /** The memberships of the body that held on that day, in every role, by institution. */
    List<Membership> membersOf(String bodyId, LocalDate day);

    /** The person with this id, with their affiliations over time. */
    Optional<Person> person(String id);

    /**
     * The people with these ids, by id, each with their affiliations; ids of no one are left
     * out. One read for a whole list (a meeting's participants, say) instead of one per id.
     *
     * @since 1.1
     */
    Map<String, Person> people(Collection<String> ids);

    /** Where the person worked on that day, if anywhere known. */
    Optional<Affiliation> affiliation(String personId, LocalDate day);

    /** The co-chair cycles of the body that held on that day: usually one, two while cycles overlap. */
    List<CoChairCycle> coChairsOf(String bodyId, LocalDate day);
}
