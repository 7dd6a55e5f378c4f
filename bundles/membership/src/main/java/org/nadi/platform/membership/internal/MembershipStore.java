package org.nadi.platform.membership.internal;

import static org.nadi.platform.storage.api.Sql.batches;
import static org.nadi.platform.storage.api.Sql.columns;
import static org.nadi.platform.storage.api.Sql.day;
import static org.nadi.platform.storage.api.Sql.exists;
import static org.nadi.platform.storage.api.Sql.like;
import static org.nadi.platform.storage.api.Sql.lower;
import static org.nadi.platform.storage.api.Sql.placeholders;
import static org.nadi.platform.storage.api.Sql.prepare;
import static org.nadi.platform.storage.api.Sql.query;
import static org.nadi.platform.storage.api.Sql.text;
import static org.nadi.platform.storage.api.Sql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.Sql.Conditions;
import org.nadi.platform.storage.api.Sql.RowMapper;

/**
 * The membership tables: every query and change, each run on the connection of a transaction
 * the caller opened, and the rules that need the database (references that must exist,
 * memberships that must not contradict each other, people who must not be entered twice).
 * Dates are stored as ISO text, which orders as dates on both engines.
 */
final class MembershipStore {

    private static final String COUNTRIES = "SELECT id, short_name, formal_name, version FROM membership_countries";
    private static final String BODIES = "SELECT id, name, acronym, kind, parent, reports_to, version FROM membership_bodies";
    private static final String INSTITUTIONS = "SELECT id, country_code, parent_organisation, version FROM membership_institutions";
    private static final String MEMBERSHIPS = "SELECT id, institution_id, body_id, role, valid_from, valid_to, version"
            + " FROM membership_memberships";
    private static final String PEOPLE = "SELECT id, honorific, rank, name, pronoun, version FROM membership_people";
    private static final String CO_CHAIRS = "SELECT id, body_id, asean_country, plus_country, valid_from, valid_to, version"
            + " FROM membership_cochairs";

    private final Database database;

    MembershipStore(Database database) {
        this.database = database;
    }

    // Countries

    Optional<Country> country(Connection connection, String code) throws SQLException {
        return first(countries(connection, COUNTRIES + " WHERE id = ?", code));
    }

    /**
     * Countries by code: those that stood in the grouping on the day (or at any time if
     * {@code day} is null), and whose code or names contain {@code search}; either may be null.
     */
    List<Country> countries(Connection connection, String grouping, LocalDate day, String search) throws SQLException {
        Conditions conditions = new Conditions();
        if (grouping != null) {
            conditions.in("id", "SELECT country_code FROM membership_standings", heldOn(new Conditions().and("grouping_id = ?", grouping), day));
        }
        if (search != null) {
            conditions.and("(LOWER(id) = ? OR LOWER(short_name) LIKE ? OR LOWER(formal_name) LIKE ?)", lower(search), like(search),
                    like(search));
        }
        return countries(connection, COUNTRIES + conditions.where() + " ORDER BY id", conditions.parameters());
    }

    private static List<Country> countries(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Unfinished<Country, Standing>> countries = query(connection, sql, row -> {
            String code = row.getString(1);
            String shortName = row.getString(2);
            String formalName = row.getString(3);
            long version = row.getLong(4);
            return new Unfinished<>(code, standings -> new Country(code, shortName, formalName, standings, version));
        }, parameters);
        return withParts(connection, countries, "membership_standings", "country_code", "grouping_id, valid_from, valid_to",
                "COALESCE(valid_from, ''), id", row -> new Standing(row.getString(2), day(row.getString(3)), day(row.getString(4))));
    }

    Country insertCountry(Connection connection, Country country) throws SQLException {
        refuseIfPresent(country(connection, country.code()), "code", "There is already a country " + country.code()
                + "; change it with PUT /api/v1/membership/countries/" + country.code() + ".",
                "/api/v1/membership/countries/" + country.code());
        update(connection, "INSERT INTO membership_countries (id, short_name, formal_name, version) VALUES (?, ?, ?, 1)",
                country.code(), country.shortName(), country.formalName());
        insertStandings(connection, country);
        return country(connection, country.code()).orElseThrow();
    }

    Country replaceCountry(Connection connection, String code, long expectedVersion, Country country) throws SQLException {
        database.updateVersioned(connection, "membership_countries", code, expectedVersion,
                columns("short_name", country.shortName(), "formal_name", country.formalName()));
        update(connection, "DELETE FROM membership_standings WHERE country_code = ?", code);
        insertStandings(connection, country);
        return country(connection, code).orElseThrow();
    }

    private static void insertStandings(Connection connection, Country country) throws SQLException {
        for (Standing standing : country.standings()) {
            insertStanding(connection, country.code(), standing);
        }
    }

    /** Adds one standing to a country, leaving its others as they are. */
    void addStanding(Connection connection, String code, Standing standing) throws SQLException {
        requireCountry(connection, "country", code);
        insertStanding(connection, code, standing);
    }

    private static void insertStanding(Connection connection, String code, Standing standing) throws SQLException {
        update(connection, "INSERT INTO membership_standings (country_code, grouping_id, valid_from, valid_to) VALUES (?, ?, ?, ?)",
                code, standing.grouping(), text(standing.from()), text(standing.to()));
    }

    void deleteCountry(Connection connection, String code, long expectedVersion) throws SQLException {
        refuseIfUsed(connection, "country", code, "institutions", "SELECT id FROM membership_institutions WHERE country_code = ?");
        refuseIfUsed(connection, "country", code, "co-chair cycles",
                "SELECT id FROM membership_cochairs WHERE asean_country = ? OR plus_country = ?", code, code);
        deleteVersioned(connection, "membership_countries", code, expectedVersion,
                "DELETE FROM membership_standings WHERE country_code = ?");
    }

    // Bodies

    Optional<Body> body(Connection connection, String id) throws SQLException {
        return first(bodies(connection, BODIES + " WHERE id = ?", id));
    }

    /** Bodies by id whose id, name or acronym contain {@code search} (all if null). */
    List<Body> bodies(Connection connection, String search) throws SQLException {
        Conditions conditions = new Conditions();
        if (search != null) {
            conditions.and("(id LIKE ? OR LOWER(name) LIKE ? OR LOWER(COALESCE(acronym, '')) LIKE ?)", like(search), like(search),
                    like(search));
        }
        return bodies(connection, BODIES + conditions.where() + " ORDER BY id", conditions.parameters());
    }

    private static List<Body> bodies(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, sql, row -> new Body(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getLong(7)), parameters);
    }

    Body insertBody(Connection connection, Body body) throws SQLException {
        refuseIfPresent(body(connection, body.id()), "id", "There is already a body '" + body.id() + "'.",
                "/api/v1/membership/bodies/" + body.id());
        requireBodyLinks(connection, body);
        update(connection, "INSERT INTO membership_bodies (id, name, acronym, kind, parent, reports_to, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                body.id(), body.name(), body.acronym(), body.kind(), body.parent(), body.reportsTo());
        return body(connection, body.id()).orElseThrow();
    }

    Body replaceBody(Connection connection, String id, long expectedVersion, Body body) throws SQLException {
        requireBodyLinks(connection, body);
        if (id.equals(body.parent()) || id.equals(body.reportsTo())) {
            throw RecordRefused.invalid(id.equals(body.parent()) ? "parent" : "reportsTo", "A body cannot belong or report to itself.");
        }
        database.updateVersioned(connection, "membership_bodies", id, expectedVersion, columns("name", body.name(), "acronym",
                body.acronym(), "kind", body.kind(), "parent", body.parent(), "reports_to", body.reportsTo()));
        return body(connection, id).orElseThrow();
    }

    /** Sets the links of a body just created without them, once every body they may name exists. */
    void linkBody(Connection connection, Body body) throws SQLException {
        requireBodyLinks(connection, body);
        update(connection, "UPDATE membership_bodies SET parent = ?, reports_to = ? WHERE id = ?", body.parent(), body.reportsTo(), body.id());
    }

    private void requireBodyLinks(Connection connection, Body body) throws SQLException {
        // A new body may name itself neither as parent nor as the body it reports to: both must exist already.
        if (body.parent() != null) {
            requireBody(connection, "parent", body.parent());
        }
        if (body.reportsTo() != null) {
            requireBody(connection, "reportsTo", body.reportsTo());
        }
    }

    void deleteBody(Connection connection, String id, long expectedVersion) throws SQLException {
        refuseIfUsed(connection, "body", id, "memberships", "SELECT id FROM membership_memberships WHERE body_id = ?");
        refuseIfUsed(connection, "body", id, "co-chair cycles", "SELECT id FROM membership_cochairs WHERE body_id = ?");
        refuseIfUsed(connection, "body", id, "bodies that belong or report to it",
                "SELECT id FROM membership_bodies WHERE parent = ? OR reports_to = ?", id, id);
        deleteVersioned(connection, "membership_bodies", id, expectedVersion);
    }

    // Institutions

    Optional<Institution> institution(Connection connection, String id) throws SQLException {
        return first(institutions(connection, INSTITUTIONS + " WHERE id = ?", id));
    }

    /** The institutions with these ids, by id; ids of none are left out. */
    Map<String, Institution> institutions(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, Institution> found = new LinkedHashMap<>();
        for (List<String> batch : batches(ids)) {
            for (Institution institution : institutions(connection, INSTITUTIONS + " WHERE id IN (" + placeholders(batch.size()) + ")",
                    batch.toArray())) {
                found.put(institution.id(), institution);
            }
        }
        return found;
    }

    /**
     * Institutions by id: of the country, members of the body in any role (on the day, or at any
     * time if {@code day} is null), with any name or acronym in their history containing
     * {@code search}; each filter may be null.
     */
    List<Institution> institutions(Connection connection, String country, String body, LocalDate day, String search, int limit)
            throws SQLException {
        Conditions conditions = new Conditions();
        if (country != null) {
            conditions.and("country_code = ?", country);
        }
        if (body != null) {
            conditions.in("id", "SELECT institution_id FROM membership_memberships", heldOn(new Conditions().and("body_id = ?", body), day));
        }
        if (search != null) {
            conditions.in("id", "SELECT institution_id FROM membership_institution_names",
                    new Conditions().and("(lower_name LIKE ? OR lower_acronym LIKE ?)", like(search), like(search)));
        }
        return institutions(connection, INSTITUTIONS + conditions.where() + " ORDER BY id LIMIT ?", conditions.parameters(limit));
    }

    private static List<Institution> institutions(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Unfinished<Institution, InstitutionName>> institutions = query(connection, sql, row -> {
            String id = row.getString(1);
            String country = row.getString(2);
            String parentOrganisation = row.getString(3);
            long version = row.getLong(4);
            return new Unfinished<>(id, names -> new Institution(id, country, parentOrganisation, names, version));
        }, parameters);
        return withParts(connection, institutions, "membership_institution_names", "institution_id", "name, acronym, valid_from, valid_to",
                "id", row -> new InstitutionName(row.getString(2), row.getString(3), day(row.getString(4)), day(row.getString(5))));
    }

    Institution insertInstitution(Connection connection, Institution institution) throws SQLException {
        refuseIfPresent(institution(connection, institution.id()), "id", "There is already an institution '" + institution.id() + "'.",
                "/api/v1/membership/institutions/" + institution.id());
        requireCountry(connection, "country", institution.country());
        update(connection, "INSERT INTO membership_institutions (id, country_code, parent_organisation, version) VALUES (?, ?, ?, 1)",
                institution.id(), institution.country(), institution.parentOrganisation());
        insertNames(connection, institution);
        return institution(connection, institution.id()).orElseThrow();
    }

    Institution replaceInstitution(Connection connection, String id, long expectedVersion, Institution institution) throws SQLException {
        requireCountry(connection, "country", institution.country());
        database.updateVersioned(connection, "membership_institutions", id, expectedVersion,
                columns("country_code", institution.country(), "parent_organisation", institution.parentOrganisation()));
        update(connection, "DELETE FROM membership_institution_names WHERE institution_id = ?", id);
        insertNames(connection, new Institution(id, institution.country(), institution.parentOrganisation(), institution.names(), 0));
        return institution(connection, id).orElseThrow();
    }

    private static void insertNames(Connection connection, Institution institution) throws SQLException {
        for (InstitutionName name : institution.names()) {
            update(connection, "INSERT INTO membership_institution_names (institution_id, name, lower_name, acronym, lower_acronym,"
                    + " valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?)", institution.id(), name.name(), lower(name.name()),
                    name.acronym(), lower(name.acronym()), text(name.from()), text(name.to()));
        }
    }

    void deleteInstitution(Connection connection, String id, long expectedVersion) throws SQLException {
        refuseIfUsed(connection, "institution", id, "memberships", "SELECT id FROM membership_memberships WHERE institution_id = ?");
        refuseIfUsed(connection, "institution", id, "people's affiliations",
                "SELECT person_id FROM membership_affiliations WHERE institution_id = ?");
        deleteVersioned(connection, "membership_institutions", id, expectedVersion,
                "DELETE FROM membership_institution_names WHERE institution_id = ?");
    }

    // Memberships

    Optional<Membership> membership(Connection connection, long id) throws SQLException {
        return first(memberships(connection, MEMBERSHIPS + " WHERE id = ?", id));
    }

    /** Memberships of the body and/or the institution (each may be null), on the day or at any time, by institution and start. */
    List<Membership> memberships(Connection connection, String body, String institution, LocalDate day) throws SQLException {
        Conditions conditions = new Conditions();
        if (body != null) {
            conditions.and("body_id = ?", body);
        }
        if (institution != null) {
            conditions.and("institution_id = ?", institution);
        }
        heldOn(conditions, day);
        return memberships(connection, MEMBERSHIPS + conditions.where() + " ORDER BY institution_id, body_id, COALESCE(valid_from, ''), id",
                conditions.parameters());
    }

    private static List<Membership> memberships(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, sql, row -> new Membership(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                day(row.getString(5)), day(row.getString(6)), row.getLong(7)), parameters);
    }

    Membership insertMembership(Connection connection, Membership membership) throws SQLException {
        checkMembership(connection, membership, null);
        long id = insertReturningId(connection, "INSERT INTO membership_memberships (institution_id, body_id, role, valid_from,"
                + " valid_to, version) VALUES (?, ?, ?, ?, ?, 1) RETURNING id", membership.institution(), membership.body(),
                membership.role(), text(membership.from()), text(membership.to()));
        return membership(connection, id).orElseThrow();
    }

    Membership replaceMembership(Connection connection, long id, long expectedVersion, Membership membership) throws SQLException {
        checkMembership(connection, membership, id);
        database.updateVersioned(connection, "membership_memberships", id, expectedVersion, columns("institution_id",
                membership.institution(), "body_id", membership.body(), "role", membership.role(), "valid_from",
                text(membership.from()), "valid_to", text(membership.to())));
        return membership(connection, id).orElseThrow();
    }

    /** The references exist, and no other membership of the same institution and body shares a day with this one. */
    private void checkMembership(Connection connection, Membership membership, Long ownId) throws SQLException {
        requireInstitution(connection, "institution", membership.institution());
        requireBody(connection, "body", membership.body());
        for (Membership other : memberships(connection, membership.body(), membership.institution(), null)) {
            if ((ownId == null || other.id() != ownId) && other.overlaps(membership)) {
                throw RecordRefused.conflict("contradicting-membership", "from", "Institution '" + membership.institution()
                        + "' is already a " + other.role() + " of '" + membership.body() + "' from " + describe(other.from(), "the start")
                        + " to " + describe(other.to(), "now") + " (membership " + other.id() + "), which overlaps this one. End or"
                        + " change that membership first.", Map.of("conflicting", "/api/v1/membership/memberships/" + other.id()));
            }
        }
    }

    void deleteMembership(Connection connection, long id, long expectedVersion) throws SQLException {
        deleteVersioned(connection, "membership_memberships", id, expectedVersion);
    }

    // People

    Optional<Person> person(Connection connection, String id) throws SQLException {
        return first(people(connection, PEOPLE + " WHERE id = ?", id));
    }

    /** The people with these ids, by id; ids of no one are left out. */
    Map<String, Person> people(Connection connection, Collection<String> ids) throws SQLException {
        Map<String, Person> found = new LinkedHashMap<>();
        for (List<String> batch : batches(ids)) {
            for (Person person : people(connection, PEOPLE + " WHERE id IN (" + placeholders(batch.size()) + ")", batch.toArray())) {
                found.put(person.id(), person);
            }
        }
        return found;
    }

    /**
     * People by name: whose name contains {@code search}, affiliated with the institution (on
     * the day, or at any time if {@code day} is null); each filter may be null.
     */
    List<Person> people(Connection connection, String search, String institution, LocalDate day, int limit) throws SQLException {
        Conditions conditions = new Conditions();
        if (search != null) {
            conditions.and("lower_name LIKE ?", like(search));
        }
        if (institution != null) {
            conditions.in("id", "SELECT person_id FROM membership_affiliations",
                    heldOn(new Conditions().and("institution_id = ?", institution), day));
        }
        return people(connection, PEOPLE + conditions.where() + " ORDER BY lower_name, id LIMIT ?", conditions.parameters(limit));
    }

    private static List<Person> people(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Unfinished<Person, Affiliation>> people = query(connection, sql, row -> {
            String id = row.getString(1);
            String honorific = row.getString(2);
            String rank = row.getString(3);
            String name = row.getString(4);
            String pronoun = row.getString(5);
            long version = row.getLong(6);
            return new Unfinished<>(id, affiliations -> new Person(id, honorific, rank, name, pronoun, affiliations, version));
        }, parameters);
        return withParts(connection, people, "membership_affiliations", "person_id", "institution_id, position, valid_from, valid_to", "id",
                row -> new Affiliation(row.getString(2), row.getString(3), day(row.getString(4)), day(row.getString(5))));
    }

    Person insertPerson(Connection connection, Person person, LocalDate today) throws SQLException {
        refuseIfPresent(person(connection, person.id()), "id", "There is already a person '" + person.id() + "'.",
                "/api/v1/membership/people/" + person.id());
        checkPerson(connection, person, today);
        update(connection, "INSERT INTO membership_people (id, honorific, rank, name, lower_name, pronoun, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                person.id(), person.honorific(), person.rank(), person.name(), lower(person.name()), person.pronoun());
        insertAffiliations(connection, person);
        return person(connection, person.id()).orElseThrow();
    }

    Person replacePerson(Connection connection, String id, long expectedVersion, Person person, LocalDate today) throws SQLException {
        Person renamed = new Person(id, person.honorific(), person.rank(), person.name(), person.pronoun(), person.affiliations(), 0);
        checkPerson(connection, renamed, today);
        database.updateVersioned(connection, "membership_people", id, expectedVersion, columns("honorific", person.honorific(), "rank",
                person.rank(), "name", person.name(), "lower_name", lower(person.name()), "pronoun", person.pronoun()));
        update(connection, "DELETE FROM membership_affiliations WHERE person_id = ?", id);
        insertAffiliations(connection, renamed);
        return person(connection, id).orElseThrow();
    }

    /**
     * Every affiliation names an existing institution, and no other person has the same name at
     * the same current institution: that is the same person entered twice.
     */
    private void checkPerson(Connection connection, Person person, LocalDate today) throws SQLException {
        for (int i = 0; i < person.affiliations().size(); i++) {
            requireInstitution(connection, "affiliations[" + i + "].institution", person.affiliations().get(i).institution());
        }
        Optional<Affiliation> current = person.affiliationOn(today);
        if (current.isEmpty()) {
            return;
        }
        for (Person namesake : people(connection, PEOPLE + " WHERE lower_name = ? AND id <> ?", lower(person.name()), person.id())) {
            Optional<Affiliation> theirs = namesake.affiliationOn(today);
            if (theirs.isPresent() && theirs.get().institution().equals(current.get().institution())) {
                throw RecordRefused.conflict("duplicate-person", "name", "'" + person.name() + "' of institution '"
                        + current.get().institution() + "' is already recorded as person '" + namesake.id() + "'; change that"
                        + " record instead of entering the person twice.", Map.of("existingId", namesake.id(),
                                "existing", "/api/v1/membership/people/" + namesake.id()));
            }
        }
    }

    private static void insertAffiliations(Connection connection, Person person) throws SQLException {
        for (Affiliation affiliation : person.affiliations()) {
            update(connection, "INSERT INTO membership_affiliations (person_id, institution_id, position, valid_from, valid_to)"
                    + " VALUES (?, ?, ?, ?, ?)", person.id(), affiliation.institution(), affiliation.position(), text(affiliation.from()),
                    text(affiliation.to()));
        }
    }

    void deletePerson(Connection connection, String id, long expectedVersion) throws SQLException {
        deleteVersioned(connection, "membership_people", id, expectedVersion, "DELETE FROM membership_affiliations WHERE person_id = ?");
    }

    // Co-chair cycles

    Optional<CoChairCycle> coChair(Connection connection, long id) throws SQLException {
        return first(coChairs(connection, CO_CHAIRS + " WHERE id = ?", id));
    }

    /** Co-chair cycles of the body (all bodies if null) that held on the day (at any time if null), by body and start. */
    List<CoChairCycle> coChairs(Connection connection, String body, LocalDate day) throws SQLException {
        Conditions conditions = new Conditions();
        if (body != null) {
            conditions.and("body_id = ?", body);
        }
        heldOn(conditions, day);
        return coChairs(connection, CO_CHAIRS + conditions.where() + " ORDER BY body_id, COALESCE(valid_from, ''), id",
                conditions.parameters());
    }

    private static List<CoChairCycle> coChairs(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, sql, row -> new CoChairCycle(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                day(row.getString(5)), day(row.getString(6)), row.getLong(7)), parameters);
    }

    CoChairCycle insertCoChair(Connection connection, CoChairCycle cycle) throws SQLException {
        checkCoChair(connection, cycle);
        long id = insertReturningId(connection, "INSERT INTO membership_cochairs (body_id, asean_country, plus_country, valid_from,"
                + " valid_to, version) VALUES (?, ?, ?, ?, ?, 1) RETURNING id", cycle.body(), cycle.aseanCountry(),
                cycle.plusCountry(), text(cycle.from()), text(cycle.to()));
        return coChair(connection, id).orElseThrow();
    }

    CoChairCycle replaceCoChair(Connection connection, long id, long expectedVersion, CoChairCycle cycle) throws SQLException {
        checkCoChair(connection, cycle);
        database.updateVersioned(connection, "membership_cochairs", id, expectedVersion, columns("body_id", cycle.body(),
                "asean_country", cycle.aseanCountry(), "plus_country", cycle.plusCountry(), "valid_from", text(cycle.from()),
                "valid_to", text(cycle.to())));
        return coChair(connection, id).orElseThrow();
    }

    private void checkCoChair(Connection connection, CoChairCycle cycle) throws SQLException {
        requireBody(connection, "body", cycle.body());
        requireCountry(connection, "aseanCountry", cycle.aseanCountry());
        requireCountry(connection, "plusCountry", cycle.plusCountry());
    }

    void deleteCoChair(Connection connection, long id, long expectedVersion) throws SQLException {
        deleteVersioned(connection, "membership_cochairs", id, expectedVersion);
    }

    // References

    void requireCountry(Connection connection, String field, String code) throws SQLException {
        requireRecord(connection, "membership_countries", field, code, "country", "countries");
    }

    void requireBody(Connection connection, String field, String id) throws SQLException {
        requireRecord(connection, "membership_bodies", field, id, "body", "bodies");
    }

    void requireInstitution(Connection connection, String field, String id) throws SQLException {
        requireRecord(connection, "membership_institutions", field, id, "institution", "institutions");
    }

    /** The field names a row of the table, or the change is refused, pointing to the list at {@code /api/v1/membership/<list>}. */
    private static void requireRecord(Connection connection, String table, String field, String id, String kind, String list)
            throws SQLException {
        if (!exists(connection, "SELECT id FROM " + table + " WHERE id = ?", id)) {
            throw RecordRefused.unknown(field, field + " is '" + id + "', which is no " + kind + " of the directory;"
                    + " see GET /api/v1/membership/" + list + ", or add it first.");
        }
    }

    private static void refuseIfPresent(Optional<?> existing, String field, String detail, String address) throws RecordRefused {
        if (existing.isPresent()) {
            throw RecordRefused.conflict("already-exists", field, detail, Map.of("existing", address));
        }
    }

    private static void refuseIfUsed(Connection connection, String kind, String id, String users, String sql, Object... parameters)
            throws SQLException {
        Object[] given = parameters.length == 0 ? new Object[] {id} : parameters;
        if (exists(connection, sql, given)) {
            throw RecordRefused.conflict("still-referenced", null, "The " + kind + " '" + id + "' is still named by " + users
                    + "; change or delete those first.", Map.of());
        }
    }

    // Plumbing

    /** The row's period holds on the day; no condition if {@code day} is null. */
    private static Conditions heldOn(Conditions conditions, LocalDate day) {
        return day == null ? conditions
                : conditions.and("(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)", day.toString(),
                        day.toString());
    }

    /** A record read without its dated parts: its id, and how it is made once they are read. */
    private record Unfinished<T, P>(String id, Function<List<P>, T> withParts) {
    }

    /**
     * The records with their dated parts (standings, names, affiliations), read for all of them
     * at once by their ids (one query per 500), not one query per record, nor by running the
     * records' own query again: a name search scans every person. The part table's rows name
     * their record in {@code key}; the mapper reads the part's columns from column 2 on.
     */
    private static <T, P> List<T> withParts(Connection connection, List<Unfinished<T, P>> records, String table, String key,
            String columns, String order, RowMapper<P> mapper) throws SQLException {
        Map<String, List<P>> parts = new HashMap<>();
        for (List<String> batch : batches(records.stream().map(Unfinished::id).toList())) {
            String sql = "SELECT " + key + ", " + columns + " FROM " + table + " WHERE " + key + " IN (" + placeholders(batch.size())
                    + ") ORDER BY " + key + ", " + order;
            try (PreparedStatement query = prepare(connection, sql, batch.toArray()); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    parts.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(mapper.map(rows));
                }
            }
        }
        List<T> finished = new ArrayList<>(records.size());
        for (Unfinished<T, P> record : records) {
            finished.add(record.withParts().apply(parts.getOrDefault(record.id(), List.of())));
        }
        return finished;
    }

    private static <T> Optional<T> first(List<T> records) {
        return records.stream().findFirst();
    }

    private static long insertReturningId(Connection connection, String sql, Object... parameters) throws SQLException {
        return query(connection, sql, row -> row.getLong(1), parameters).get(0);
    }

    /**
     * Deletes the row {@code id} of the table if it is at the expected version (else the
     * storage's stale-version refusal), after running the deletes of the rows that depend on it.
     */
    private void deleteVersioned(Connection connection, String table, Object id, long expectedVersion, String... dependentDeletes)
            throws SQLException {
        database.updateVersioned(connection, table, id, expectedVersion, Map.of());
        for (String delete : dependentDeletes) {
            update(connection, delete, id);
        }
        update(connection, "DELETE FROM " + table + " WHERE id = ?", id);
    }

    private static String describe(LocalDate day, String otherwise) {
        return day == null ? otherwise : day.toString();
    }
}
