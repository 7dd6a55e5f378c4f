package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;
import org.nadi.platform.storage.api.Database;

import com.google.gson.JsonParseException;

/**
 * Loads a reference-data file (the format of {@code docs/membership.md}, shipped as
 * {@value #SHIPPED}) in one transaction, idempotently: a record already there is left as it is
 * (an edit made since is kept), and only the missing ones are created. Records with an id are
 * there if their id is; a standing, membership or co-chair cycle is there if one of the same
 * country and grouping, institution, body and role, or body and countries shares a day with it. Loading twice therefore changes nothing. A record that
 * breaks a rule refuses the whole file, naming the record and field.
 */
final class ReferenceData {

    /** Where the bundle keeps the file it ships. */
    static final String SHIPPED = "/reference-data/membership.json";

    private final Database database;
    private final MembershipStore store;
    private final JsonTrees json;
    private final MembershipChanges changes;

    ReferenceData(Database database, JsonTrees json, MembershipChanges changes) {
        this.database = database;
        this.store = new MembershipStore(database);
        this.json = json;
        this.changes = changes;
    }

    /** The file as written: every date is text until checked. */
    record File(String source, List<Inputs.CountryInput> countries, List<StandingRow> standings, List<Inputs.BodyInput> bodies,
            List<Inputs.InstitutionInput> institutions, List<Inputs.MembershipInput> memberships, List<Inputs.PersonInput> people,
            List<Inputs.CoChairInput> cochairs) {
    }

    /** A country's standing, as the file lists it: apart from the country. */
    record StandingRow(String country, String grouping, String from, String to) {
    }

    /**
     * What a load did: per kind of record ({@code countries}, {@code standings}, …) how many it
     * created and how many were already there.
     */
    record Outcome(Map<String, Integer> created, Map<String, Integer> alreadyThere) {

        int createdCount() {
            return created.values().stream().mapToInt(Integer::intValue).sum();
        }

        int alreadyThereCount() {
            return alreadyThere.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** One line for the shell and the log, e.g. "reference data loaded: 0 records created {…}, 97 already there". */
        String summary() {
            return "reference data loaded: " + createdCount() + " records created " + created + ", " + alreadyThereCount()
                    + " already there";
        }
    }

    /** Loads the file the bundle ships. */
    Outcome loadShipped(LocalDate today) throws IOException, SQLException {
        try (InputStream in = ReferenceData.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IOException("The bundle has no " + SHIPPED);
            }
            return load(in, today);
        }
    }

    /**
     * Loads a file.
     *
     * @param today the day that decides who is "current" for the duplicate-person rule
     * @throws IOException  if it is not JSON of the expected shape
     * @throws RecordRefused if a record breaks a rule; nothing was loaded
     */
    Outcome load(InputStream in, LocalDate today) throws IOException, SQLException {
        File file;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            file = json.gson().fromJson(reader, File.class);
        } catch (JsonParseException malformed) {
            throw new IOException("The reference data is not in the expected format: " + malformed.getMessage(), malformed);
        }
        if (file == null) {
            throw new IOException("The reference data file is empty.");
        }
        Outcome outcome = database.inTransaction(connection -> apply(connection, file, today));
        changes.loaded(outcome.createdCount());
        return outcome;
    }

    private Outcome apply(Connection connection, File file, LocalDate today) throws SQLException {
        Tally tally = new Tally();
        List<Inputs.CountryInput> countries = listOf(file.countries());
        for (int i = 0; i < countries.size(); i++) {
            int n = i; // the lambdas below need an index that does not change
            Country country = located("countries[" + i + "].", () -> Inputs.country(countries.get(n)));
            boolean created = store.country(connection, country.code()).isEmpty();
            if (created) {
                located("countries[" + i + "].", () -> store.insertCountry(connection, country));
            }
            tally.count("countries", created);
        }
        List<StandingRow> standings = listOf(file.standings());
        for (int i = 0; i < standings.size(); i++) {
            StandingRow row = standings.get(i);
            String at = "standings[" + i + "].";
            String code = located(at, () -> Inputs.code("country", row.country()));
            Standing standing = located(at, () -> Inputs.standing("", new Inputs.StandingInput(row.grouping(), row.from(), row.to())));
            Country country = located(at, () -> {
                store.requireCountry(connection, "country", code);
                return store.country(connection, code).orElseThrow();
            });
            boolean created = country.standings().stream()
                    .noneMatch(existing -> existing.grouping().equals(standing.grouping()) && existing.overlaps(standing));
            if (created) {
                store.addStanding(connection, code, standing);
            }
            tally.count("standings", created);
        }
        loadBodies(connection, listOf(file.bodies()), tally);
        List<Inputs.InstitutionInput> institutions = listOf(file.institutions());
        for (int i = 0; i < institutions.size(); i++) {
            int n = i;
            Institution institution = located("institutions[" + i + "].", () -> Inputs.institution(institutions.get(n)));
            boolean created = store.institution(connection, institution.id()).isEmpty();
            if (created) {
                located("institutions[" + i + "].", () -> store.insertInstitution(connection, institution));
            }
            tally.count("institutions", created);
        }
        List<Inputs.MembershipInput> memberships = listOf(file.memberships());
        for (int i = 0; i < memberships.size(); i++) {
            int n = i;
            Membership membership = located("memberships[" + i + "].", () -> Inputs.membership(memberships.get(n)));
            boolean created = store.memberships(connection, membership.body(), membership.institution(), null).stream()
                    .noneMatch(existing -> existing.role().equals(membership.role()) && existing.overlaps(membership));
            if (created) {
                located("memberships[" + i + "].", () -> store.insertMembership(connection, membership));
            }
            tally.count("memberships", created);
        }
        List<Inputs.PersonInput> people = listOf(file.people());
        for (int i = 0; i < people.size(); i++) {
            int n = i;
            Person person = located("people[" + i + "].", () -> Inputs.person(people.get(n)));
            boolean created = store.person(connection, person.id()).isEmpty();
            if (created) {
                located("people[" + i + "].", () -> store.insertPerson(connection, person, today));
            }
            tally.count("people", created);
        }
        List<Inputs.CoChairInput> cycles = listOf(file.cochairs());
        for (int i = 0; i < cycles.size(); i++) {
            int n = i;
            CoChairCycle cycle = located("cochairs[" + i + "].", () -> Inputs.coChair(cycles.get(n)));
            boolean created = store.coChairs(connection, cycle.body(), null).stream()
                    .noneMatch(existing -> existing.aseanCountry().equals(cycle.aseanCountry())
                            && existing.plusCountry().equals(cycle.plusCountry()) && existing.overlaps(cycle));
            if (created) {
                located("cochairs[" + i + "].", () -> store.insertCoChair(connection, cycle));
            }
            tally.count("cochairs", created);
        }
        return tally.outcome();
    }

    /**
     * Bodies name each other (an EWG reports to the ADSOM-Plus WG, listed after it or before):
     * the new ones are created first, then linked once all exist.
     */
    private void loadBodies(Connection connection, List<Inputs.BodyInput> bodies, Tally tally) throws SQLException {
        Map<Integer, Body> created = new LinkedHashMap<>();
        for (int i = 0; i < bodies.size(); i++) {
            int n = i;
            Body body = located("bodies[" + i + "].", () -> Inputs.body(bodies.get(n)));
            boolean isNew = store.body(connection, body.id()).isEmpty();
            if (isNew) {
                located("bodies[" + i + "].", () -> store.insertBody(connection,
                        new Body(body.id(), body.name(), body.acronym(), body.kind(), null, null, 0)));
                created.put(i, body);
            }
            tally.count("bodies", isNew);
        }
        for (Map.Entry<Integer, Body> body : created.entrySet()) {
            located("bodies[" + body.getKey() + "].", () -> {
                store.linkBody(connection, body.getValue());
                return null;
            });
        }
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException;
    }

    /** Runs a step for one record of the file; a refusal names the record, e.g. {@code people[4].name}. */
    private static <T> T located(String record, Step<T> step) throws SQLException {
        try {
            return step.run();
        } catch (RecordRefused refusal) {
            throw refusal.within(record);
        }
    }

    private static <T> List<T> listOf(List<T> given) {
        return given == null ? List.of() : given;
    }

    /** Counts, per kind, the records created and those already there, in the file's order. */
    private static final class Tally {
        private final Map<String, Integer> created = new LinkedHashMap<>();
        private final Map<String, Integer> alreadyThere = new LinkedHashMap<>();

        void count(String kind, boolean wasCreated) {
            created.merge(kind, wasCreated ? 1 : 0, Integer::sum);
            alreadyThere.merge(kind, wasCreated ? 0 : 1, Integer::sum);
        }

        Outcome outcome() {
            return new Outcome(Collections.unmodifiableMap(created), Collections.unmodifiableMap(alreadyThere));
        }
    }
}
