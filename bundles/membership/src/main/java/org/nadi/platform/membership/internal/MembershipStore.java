package org.nadi.platform.membership.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

/**
 * The membership tables: every query and change, each run on the connection of a transaction
 * the caller opened, and the rules that need the database (references that must exist,
 * memberships that must not contradict each other, people who must not be entered twice).
 * Dates are stored as ISO text, which orders as dates on both engines.
 */
final class MembershipStore {

    /** A row's period holds on the day given (twice) as parameters. */
    private static final String HOLDS_ON = "(valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)";

    private final Database database;

    MembershipStore(Database database) {
        this.database = database;
    }

    // Countries

    Optional<Country> country(Connection connection, String code) throws SQLException {
        List<Country> found = countries(connection, "SELECT id, short_name, formal_name, version FROM membership_countries WHERE id = ?",
                code);
        return found.stream().findFirst();
    }

    /**
     * Countries by code: those that stood in the grouping on the day (or at any time if
     * {@code day} is null), and whose code or names contain {@code search}; either may be null.
     */
    List<Country> countries(Connection connection, String grouping, LocalDate day, String search) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, short_name, formal_name, version FROM membership_countries WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (grouping != null) {
            sql.append(" AND id IN (SELECT country_code FROM membership_standings WHERE grouping_id = ?");
            parameters.add(grouping);
            if (day != null) {
                sql.append(" AND ").append(HOLDS_ON);
                parameters.add(day.toString());
                parameters.add(day.toString());
            }
            sql.append(")");
        }
        if (search != null) {
            sql.append(" AND (LOWER(id) = ? OR LOWER(short_name) LIKE ? OR LOWER(formal_name) LIKE ?)");
            parameters.add(search.toLowerCase(Locale.ROOT));
            parameters.add(like(search));
            parameters.add(like(search));
        }
        return countries(connection, sql.append(" ORDER BY id").toString(), parameters.toArray());
    }

    private List<Country> countries(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Country> countries = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                countries.add(new Country(rows.getString(1), rows.getString(2), rows.getString(3), List.of(), rows.getLong(4)));
            }
        }
        List<Country> withStandings = new ArrayList<>();
        for (Country country : countries) {
            List<Standing> standings = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT grouping_id, valid_from, valid_to FROM membership_standings"
                    + " WHERE country_code = ? ORDER BY COALESCE(valid_from, ''), id", country.code());
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    standings.add(new Standing(rows.getString(1), day(rows.getString(2)), day(rows.getString(3))));
                }
            }
            withStandings.add(new Country(country.code(), country.shortName(), country.formalName(), standings, country.version()));
        }
        return withStandings;
    }

    Country insertCountry(Connection connection, Country country) throws SQLException {
        if (country(connection, country.code()).isPresent()) {
            throw RecordRefused.conflict("already-exists", "code", "There is already a country " + country.code()
                    + "; change it with PUT /api/v1/membership/countries/" + country.code() + ".",
                    Map.of("existing", "/api/v1/membership/countries/" + country.code()));
        }
        update(connection, "INSERT INTO membership_countries (id, short_name, formal_name, version) VALUES (?, ?, ?, 1)",
                country.code(), country.shortName(), country.formalName());
        insertStandings(connection, country);
        return country(connection, country.code()).orElseThrow();
    }

    Country replaceCountry(Connection connection, String code, long expectedVersion, Country country) throws SQLException {
        database.updateVersioned(connection, "membership_countries", code, expectedVersion,
                Map.of("short_name", country.shortName(), "formal_name", country.formalName()));
        update(connection, "DELETE FROM membership_standings WHERE country_code = ?", code);
        insertStandings(connection, country);
        return country(connection, code).orElseThrow();
    }

    private static void insertStandings(Connection connection, Country country) throws SQLException {
        for (Standing standing : country.standings()) {
            update(connection, "INSERT INTO membership_standings (country_code, grouping_id, valid_from, valid_to) VALUES (?, ?, ?, ?)",
                    country.code(), standing.grouping(), text(standing.from()), text(standing.to()));
        }
    }

    /** Adds one standing to a country, leaving its others as they are. */
    void addStanding(Connection connection, String code, Standing standing) throws SQLException {
        requireCountry(connection, "country", code);
        update(connection, "INSERT INTO membership_standings (country_code, grouping_id, valid_from, valid_to) VALUES (?, ?, ?, ?)",
                code, standing.grouping(), text(standing.from()), text(standing.to()));
    }

    void deleteCountry(Connection connection, String code, long expectedVersion) throws SQLException {
        refuseIfUsed(connection, "country", code, "institutions", "SELECT id FROM membership_institutions WHERE country_code = ?");
        refuseIfUsed(connection, "country", code, "co-chair cycles",
                "SELECT id FROM membership_cochairs WHERE asean_country = ? OR plus_country = ?", code, code);
        database.updateVersioned(connection, "membership_countries", code, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_standings WHERE country_code = ?", code);
        update(connection, "DELETE FROM membership_countries WHERE id = ?", code);
    }

    // Bodies

    Optional<Body> body(Connection connection, String id) throws SQLException {
        return bodies(connection, "SELECT id, name, acronym, kind, parent, reports_to, version FROM membership_bodies WHERE id = ?", id)
                .stream().findFirst();
    }

    /** Bodies by id whose id, name or acronym contain {@code search} (all if null). */
    List<Body> bodies(Connection connection, String search) throws SQLException {
        if (search == null) {
            return bodies(connection, "SELECT id, name, acronym, kind, parent, reports_to, version FROM membership_bodies ORDER BY id");
        }
        return bodies(connection, "SELECT id, name, acronym, kind, parent, reports_to, version FROM membership_bodies"
                + " WHERE id LIKE ? OR LOWER(name) LIKE ? OR LOWER(COALESCE(acronym, '')) LIKE ? ORDER BY id",
                like(search), like(search), like(search));
    }

    private static List<Body> bodies(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Body> bodies = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                bodies.add(new Body(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getLong(7)));
            }
        }
        return bodies;
    }

    Body insertBody(Connection connection, Body body) throws SQLException {
        if (body(connection, body.id()).isPresent()) {
            throw RecordRefused.conflict("already-exists", "id", "There is already a body '" + body.id() + "'.",
                    Map.of("existing", "/api/v1/membership/bodies/" + body.id()));
        }
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
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("name", body.name());
        changes.put("acronym", body.acronym());
        changes.put("kind", body.kind());
        changes.put("parent", body.parent());
        changes.put("reports_to", body.reportsTo());
        database.updateVersioned(connection, "membership_bodies", id, expectedVersion, changes);
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
        database.updateVersioned(connection, "membership_bodies", id, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_bodies WHERE id = ?", id);
    }

    // Institutions

    Optional<Institution> institution(Connection connection, String id) throws SQLException {
        return institutions(connection, "SELECT id, country_code, parent_organisation, version FROM membership_institutions WHERE id = ?",
                id).stream().findFirst();
    }

    /**
     * Institutions by id: of the country, members of the body in any role (on the day, or at any
     * time if {@code day} is null), with any name or acronym in their history containing
     * {@code search}; each filter may be null.
     */
    List<Institution> institutions(Connection connection, String country, String body, LocalDate day, String search, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, country_code, parent_organisation, version FROM membership_institutions WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (country != null) {
            sql.append(" AND country_code = ?");
            parameters.add(country);
        }
        if (body != null) {
            sql.append(" AND id IN (SELECT institution_id FROM membership_memberships WHERE body_id = ?");
            parameters.add(body);
            if (day != null) {
                sql.append(" AND ").append(HOLDS_ON);
                parameters.add(day.toString());
                parameters.add(day.toString());
            }
            sql.append(")");
        }
        if (search != null) {
            sql.append(" AND id IN (SELECT institution_id FROM membership_institution_names WHERE lower_name LIKE ? OR lower_acronym LIKE ?)");
            parameters.add(like(search));
            parameters.add(like(search));
        }
        sql.append(" ORDER BY id LIMIT ?");
        parameters.add(limit);
        return institutions(connection, sql.toString(), parameters.toArray());
    }

    private static List<Institution> institutions(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Institution> institutions = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                institutions.add(new Institution(rows.getString(1), rows.getString(2), rows.getString(3), List.of(), rows.getLong(4)));
            }
        }
        List<Institution> named = new ArrayList<>();
        for (Institution institution : institutions) {
            List<InstitutionName> names = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT name, acronym, valid_from, valid_to FROM membership_institution_names"
                    + " WHERE institution_id = ? ORDER BY id", institution.id()); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(new InstitutionName(rows.getString(1), rows.getString(2), day(rows.getString(3)), day(rows.getString(4))));
                }
            }
            named.add(new Institution(institution.id(), institution.country(), institution.parentOrganisation(), names,
                    institution.version()));
        }
        return named;
    }

    Institution insertInstitution(Connection connection, Institution institution) throws SQLException {
        if (institution(connection, institution.id()).isPresent()) {
            throw RecordRefused.conflict("already-exists", "id", "There is already an institution '" + institution.id() + "'.",
                    Map.of("existing", "/api/v1/membership/institutions/" + institution.id()));
        }
        requireCountry(connection, "country", institution.country());
        update(connection, "INSERT INTO membership_institutions (id, country_code, parent_organisation, version) VALUES (?, ?, ?, 1)",
                institution.id(), institution.country(), institution.parentOrganisation());
        insertNames(connection, institution);
        return institution(connection, institution.id()).orElseThrow();
    }

    Institution replaceInstitution(Connection connection, String id, long expectedVersion, Institution institution) throws SQLException {
        requireCountry(connection, "country", institution.country());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("country_code", institution.country());
        changes.put("parent_organisation", institution.parentOrganisation());
        database.updateVersioned(connection, "membership_institutions", id, expectedVersion, changes);
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
        database.updateVersioned(connection, "membership_institutions", id, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_institution_names WHERE institution_id = ?", id);
        update(connection, "DELETE FROM membership_institutions WHERE id = ?", id);
    }

    // Memberships

    Optional<Membership> membership(Connection connection, long id) throws SQLException {
        return memberships(connection, "SELECT id, institution_id, body_id, role, valid_from, valid_to, version FROM membership_memberships"
                + " WHERE id = ?", id).stream().findFirst();
    }

    /** Memberships of the body and/or the institution (each may be null), on the day or at any time, by institution and start. */
    List<Membership> memberships(Connection connection, String body, String institution, LocalDate day) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, institution_id, body_id, role, valid_from, valid_to, version"
                + " FROM membership_memberships WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (body != null) {
            sql.append(" AND body_id = ?");
            parameters.add(body);
        }
        if (institution != null) {
            sql.append(" AND institution_id = ?");
            parameters.add(institution);
        }
        if (day != null) {
            sql.append(" AND ").append(HOLDS_ON);
            parameters.add(day.toString());
            parameters.add(day.toString());
        }
        sql.append(" ORDER BY institution_id, body_id, COALESCE(valid_from, ''), id");
        return memberships(connection, sql.toString(), parameters.toArray());
    }

    private static List<Membership> memberships(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Membership> memberships = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                memberships.add(new Membership(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        day(rows.getString(5)), day(rows.getString(6)), rows.getLong(7)));
            }
        }
        return memberships;
    }

    Membership insertMembership(Connection connection, Membership membership) throws SQLException {
        checkMembership(connection, membership, null);
        try (PreparedStatement insert = prepare(connection, "INSERT INTO membership_memberships (institution_id, body_id, role, valid_from,"
                + " valid_to, version) VALUES (?, ?, ?, ?, ?, 1) RETURNING id", membership.institution(), membership.body(),
                membership.role(), text(membership.from()), text(membership.to())); ResultSet key = insert.executeQuery()) {
            key.next();
            return membership(connection, key.getLong(1)).orElseThrow();
        }
    }

    Membership replaceMembership(Connection connection, long id, long expectedVersion, Membership membership) throws SQLException {
        checkMembership(connection, membership, id);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("institution_id", membership.institution());
        changes.put("body_id", membership.body());
        changes.put("role", membership.role());
        changes.put("valid_from", text(membership.from()));
        changes.put("valid_to", text(membership.to()));
        database.updateVersioned(connection, "membership_memberships", id, expectedVersion, changes);
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
        database.updateVersioned(connection, "membership_memberships", id, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_memberships WHERE id = ?", id);
    }

    // People

    Optional<Person> person(Connection connection, String id) throws SQLException {
        return people(connection, "SELECT id, honorific, rank, name, pronoun, version FROM membership_people WHERE id = ?", id)
                .stream().findFirst();
    }

    /**
     * People by name: whose name contains {@code search}, affiliated with the institution (on
     * the day, or at any time if {@code day} is null); each filter may be null.
     */
    List<Person> people(Connection connection, String search, String institution, LocalDate day, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, honorific, rank, name, pronoun, version FROM membership_people WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (search != null) {
            sql.append(" AND lower_name LIKE ?");
            parameters.add(like(search));
        }
        if (institution != null) {
            sql.append(" AND id IN (SELECT person_id FROM membership_affiliations WHERE institution_id = ?");
            parameters.add(institution);
            if (day != null) {
                sql.append(" AND ").append(HOLDS_ON);
                parameters.add(day.toString());
                parameters.add(day.toString());
            }
            sql.append(")");
        }
        sql.append(" ORDER BY lower_name, id LIMIT ?");
        parameters.add(limit);
        return people(connection, sql.toString(), parameters.toArray());
    }

    private static List<Person> people(Connection connection, String sql, Object... parameters) throws SQLException {
        List<Person> people = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                people.add(new Person(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        List.of(), rows.getLong(6)));
            }
        }
        List<Person> affiliated = new ArrayList<>();
        for (Person person : people) {
            List<Affiliation> affiliations = new ArrayList<>();
            try (PreparedStatement query = prepare(connection, "SELECT institution_id, position, valid_from, valid_to FROM"
                    + " membership_affiliations WHERE person_id = ? ORDER BY id", person.id()); ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    affiliations.add(new Affiliation(rows.getString(1), rows.getString(2), day(rows.getString(3)), day(rows.getString(4))));
                }
            }
            affiliated.add(new Person(person.id(), person.honorific(), person.rank(), person.name(), person.pronoun(), affiliations,
                    person.version()));
        }
        return affiliated;
    }

    Person insertPerson(Connection connection, Person person, LocalDate today) throws SQLException {
        if (person(connection, person.id()).isPresent()) {
            throw RecordRefused.conflict("already-exists", "id", "There is already a person '" + person.id() + "'.",
                    Map.of("existing", "/api/v1/membership/people/" + person.id()));
        }
        checkPerson(connection, person, today);
        update(connection, "INSERT INTO membership_people (id, honorific, rank, name, lower_name, pronoun, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                person.id(), person.honorific(), person.rank(), person.name(), lower(person.name()), person.pronoun());
        insertAffiliations(connection, person);
        return person(connection, person.id()).orElseThrow();
    }

    Person replacePerson(Connection connection, String id, long expectedVersion, Person person, LocalDate today) throws SQLException {
        Person renamed = new Person(id, person.honorific(), person.rank(), person.name(), person.pronoun(), person.affiliations(), 0);
        checkPerson(connection, renamed, today);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("honorific", person.honorific());
        changes.put("rank", person.rank());
        changes.put("name", person.name());
        changes.put("lower_name", lower(person.name()));
        changes.put("pronoun", person.pronoun());
        database.updateVersioned(connection, "membership_people", id, expectedVersion, changes);
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
        for (Person namesake : people(connection, "SELECT id, honorific, rank, name, pronoun, version FROM membership_people"
                + " WHERE lower_name = ? AND id <> ?", lower(person.name()), person.id())) {
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
        database.updateVersioned(connection, "membership_people", id, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_affiliations WHERE person_id = ?", id);
        update(connection, "DELETE FROM membership_people WHERE id = ?", id);
    }

    // Co-chair cycles

    Optional<CoChairCycle> coChair(Connection connection, long id) throws SQLException {
        return coChairs(connection, "SELECT id, body_id, asean_country, plus_country, valid_from, valid_to, version FROM membership_cochairs"
                + " WHERE id = ?", id).stream().findFirst();
    }

    /** Co-chair cycles of the body (all bodies if null) that held on the day (at any time if null), by body and start. */
    List<CoChairCycle> coChairs(Connection connection, String body, LocalDate day) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, body_id, asean_country, plus_country, valid_from, valid_to, version"
                + " FROM membership_cochairs WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (body != null) {
            sql.append(" AND body_id = ?");
            parameters.add(body);
        }
        if (day != null) {
            sql.append(" AND ").append(HOLDS_ON);
            parameters.add(day.toString());
            parameters.add(day.toString());
        }
        sql.append(" ORDER BY body_id, COALESCE(valid_from, ''), id");
        return coChairs(connection, sql.toString(), parameters.toArray());
    }

    private static List<CoChairCycle> coChairs(Connection connection, String sql, Object... parameters) throws SQLException {
        List<CoChairCycle> cycles = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                cycles.add(new CoChairCycle(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        day(rows.getString(5)), day(rows.getString(6)), rows.getLong(7)));
            }
        }
        return cycles;
    }

    CoChairCycle insertCoChair(Connection connection, CoChairCycle cycle) throws SQLException {
        checkCoChair(connection, cycle);
        try (PreparedStatement insert = prepare(connection, "INSERT INTO membership_cochairs (body_id, asean_country, plus_country,"
                + " valid_from, valid_to, version) VALUES (?, ?, ?, ?, ?, 1) RETURNING id", cycle.body(), cycle.aseanCountry(),
                cycle.plusCountry(), text(cycle.from()), text(cycle.to())); ResultSet key = insert.executeQuery()) {
            key.next();
            return coChair(connection, key.getLong(1)).orElseThrow();
        }
    }

    CoChairCycle replaceCoChair(Connection connection, long id, long expectedVersion, CoChairCycle cycle) throws SQLException {
        checkCoChair(connection, cycle);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("body_id", cycle.body());
        changes.put("asean_country", cycle.aseanCountry());
        changes.put("plus_country", cycle.plusCountry());
        changes.put("valid_from", text(cycle.from()));
        changes.put("valid_to", text(cycle.to()));
        database.updateVersioned(connection, "membership_cochairs", id, expectedVersion, changes);
        return coChair(connection, id).orElseThrow();
    }

    private void checkCoChair(Connection connection, CoChairCycle cycle) throws SQLException {
        requireBody(connection, "body", cycle.body());
        requireCountry(connection, "aseanCountry", cycle.aseanCountry());
        requireCountry(connection, "plusCountry", cycle.plusCountry());
    }

    void deleteCoChair(Connection connection, long id, long expectedVersion) throws SQLException {
        database.updateVersioned(connection, "membership_cochairs", id, expectedVersion, Map.of());
        update(connection, "DELETE FROM membership_cochairs WHERE id = ?", id);
    }

    // References

    void requireCountry(Connection connection, String field, String code) throws SQLException {
        if (!exists(connection, "SELECT id FROM membership_countries WHERE id = ?", code)) {
            throw RecordRefused.unknown(field, field + " is '" + code + "', which is no country of the directory;"
                    + " see GET /api/v1/membership/countries, or add it first.");
        }
    }

    void requireBody(Connection connection, String field, String id) throws SQLException {
        if (!exists(connection, "SELECT id FROM membership_bodies WHERE id = ?", id)) {
            throw RecordRefused.unknown(field, field + " is '" + id + "', which is no body of the directory;"
                    + " see GET /api/v1/membership/bodies, or add it first.");
        }
    }

    void requireInstitution(Connection connection, String field, String id) throws SQLException {
        if (!exists(connection, "SELECT id FROM membership_institutions WHERE id = ?", id)) {
            throw RecordRefused.unknown(field, field + " is '" + id + "', which is no institution of the directory;"
                    + " see GET /api/v1/membership/institutions, or add it first.");
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

    private static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = prepare(connection, sql, parameters); ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException failed) {
            statement.close();
            throw failed;
        }
    }

    /** A LIKE pattern matching texts that contain the search, whatever their case; wildcards typed in it are dropped. */
    private static String like(String search) {
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
        return "%" + escaped + "%";
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }

    private static LocalDate day(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static String describe(LocalDate day, String otherwise) {
        return day == null ? otherwise : day.toString();
    }
}
