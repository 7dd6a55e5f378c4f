package org.nadi.platform.membership.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.StaleVersionException;
import org.nadi.platform.storage.api.Transaction;
import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.ApiRequest;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.RestResource;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.api.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The directory over REST, under {@value #BASE}: {@code countries}, {@code bodies},
 * {@code institutions}, {@code people}, {@code memberships} and {@code cochairs}, each with a
 * filtered list, {@code POST} to create (201 with {@code Location} and {@code ETag}), and
 * {@code GET}, {@code PUT} (whole record) and {@code DELETE} of one record, both with
 * {@code If-Match}. Observers read; the secretariat edits; a delegate edits the people whose
 * current affiliation is at their own institution. Every change is audited with the record
 * before and after, and announced on the {@link org.nadi.platform.membership.api.MembershipEvents} topics. See {@code docs/membership.md}.
 */
@Component(service = RestResource.class)
public final class MembershipResource implements RestResource {

    static final String BASE = "/api/v1/membership";
    static final int MAX_LIMIT = 1000;
    /**
     * People answered without a {@code limit}: a name search is typed a few letters at a time,
     * and 1,000 people are 400 KB of JSON (bench/membership-queries.sh).
     */
    static final int PEOPLE_LIMIT = 100;
    private static final Access READERS = Access.role(Role.OBSERVER);
    private static final Access EDITORS = Access.role(Role.SECRETARIAT);
    private static final Access PEOPLE_EDITORS = Access.role(Role.DELEGATE);

    private final Database database;
    private final MembershipStore store;
    private final MembershipChanges changes;
    private final JsonTrees json = new JsonTrees();

    @Activate
    public MembershipResource(@Reference Database database, @Reference MembershipChanges changes) {
        this.database = database;
        this.store = new MembershipStore(database);
        this.changes = changes;
    }

    /** A record before and after a change, as the audit trail gets it. */
    private record Edit<T>(T before, T after) {
    }

    /**
     * One kind of record as its routes serve it: its name in messages, its entity in the audit
     * trail, its address, its id and version, and its JSON as of a day (today if null).
     */
    private record Kind<T>(String name, String entity, String address, Function<T, String> id, ToLongFunction<T> version,
            RecordJson.View<T> view) {
    }

    @Override
    public void declareRoutes(Routes routes) {
        declareCountries(routes);
        declareBodies(routes);
        declareInstitutions(routes);
        declarePeople(routes);
        declareMemberships(routes);
        declareCoChairs(routes);
    }

    private void declareCountries(Routes routes) {
        Kind<Country> countries = new Kind<>("country", "country", BASE + "/countries", Country::code, Country::version,
                RecordJson::country);
        routes.get(countries.address(), READERS, request -> {
            String grouping = grouping(request);
            LocalDate at = at(request);
            String q = search(request);
            return list(countries, read(connection -> store.countries(connection, grouping, at, q)), at);
        });
        routes.post(countries.address(), EDITORS, request -> {
            Country country = refused(() -> Inputs.country(request.body(Inputs.CountryInput.class)));
            return create(request, countries, connection -> store.insertCountry(connection, country));
        });
        routes.get(countries.address() + "/{code}", READERS, request -> {
            String code = codeOf(request);
            return show(request, countries, connection -> store.country(connection, code), null);
        });
        routes.put(countries.address() + "/{code}", EDITORS, request -> {
            String code = codeOf(request);
            long version = request.ifMatchVersion();
            Inputs.CountryInput input = request.body(Inputs.CountryInput.class);
            sameId("code", code, input.code());
            Country country = refused(() -> Inputs.country(new Inputs.CountryInput(code, input.shortName(), input.formalName(),
                    input.standings())));
            return replace(request, countries, code, connection -> store.country(connection, code),
                    connection -> store.replaceCountry(connection, code, version, country));
        });
        routes.delete(countries.address() + "/{code}", EDITORS, request -> {
            String code = codeOf(request);
            long version = request.ifMatchVersion();
            return delete(request, countries, code, connection -> store.country(connection, code),
                    connection -> store.deleteCountry(connection, code, version));
        });
    }

    private void declareBodies(Routes routes) {
        Kind<Body> bodies = new Kind<>("body", "body", BASE + "/bodies", Body::id, Body::version, RecordJson::body);
        routes.get(bodies.address(), READERS, request -> {
            String q = search(request);
            return list(bodies, read(connection -> store.bodies(connection, q)), null);
        });
        routes.post(bodies.address(), EDITORS, request -> {
            Body body = refused(() -> Inputs.body(request.body(Inputs.BodyInput.class)));
            return create(request, bodies, connection -> store.insertBody(connection, body));
        });
        routes.get(bodies.address() + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            return show(request, bodies, connection -> store.body(connection, id), null);
        });
        routes.put(bodies.address() + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.BodyInput input = request.body(Inputs.BodyInput.class);
            sameId("id", id, input.id());
            Body body = refused(() -> Inputs.body(new Inputs.BodyInput(id, input.name(), input.acronym(), input.kind(), input.parent(),
                    input.reportsTo())));
            return replace(request, bodies, id, connection -> store.body(connection, id),
                    connection -> store.replaceBody(connection, id, version, body));
        });
        routes.delete(bodies.address() + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            return delete(request, bodies, id, connection -> store.body(connection, id),
                    connection -> store.deleteBody(connection, id, version));
        });
    }

    private void declareInstitutions(Routes routes) {
        Kind<Institution> institutions = new Kind<>("institution", "institution", BASE + "/institutions", Institution::id,
                Institution::version, RecordJson::institution);
        routes.get(institutions.address(), READERS, request -> {
            String country = request.query("country").isPresent() ? refused(() -> Inputs.code("country", request.query("country").get()))
                    : null;
            String body = request.query("body").orElse(null);
            LocalDate at = at(request);
            String q = search(request);
            int limit = request.number("limit", 1, MAX_LIMIT, MAX_LIMIT);
            return list(institutions, read(connection -> {
                if (country != null) {
                    store.requireCountry(connection, "country", country);
                }
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                return store.institutions(connection, country, body, at, q, limit);
            }), at);
        });
        routes.post(institutions.address(), EDITORS, request -> {
            Institution institution = refused(() -> Inputs.institution(request.body(Inputs.InstitutionInput.class)));
            return create(request, institutions, connection -> store.insertInstitution(connection, institution));
        });
        routes.get(institutions.address() + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            LocalDate at = at(request);
            return show(request, institutions, connection -> store.institution(connection, id), at);
        });
        routes.put(institutions.address() + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.InstitutionInput input = request.body(Inputs.InstitutionInput.class);
            sameId("id", id, input.id());
            Institution institution = refused(() -> Inputs.institution(new Inputs.InstitutionInput(id, input.country(),
                    input.parentOrganisation(), input.names())));
            return replace(request, institutions, id, connection -> store.institution(connection, id),
                    connection -> store.replaceInstitution(connection, id, version, institution));
        });
        routes.delete(institutions.address() + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            return delete(request, institutions, id, connection -> store.institution(connection, id),
                    connection -> store.deleteInstitution(connection, id, version));
        });
    }

    private void declarePeople(Routes routes) {
        Kind<Person> people = new Kind<>("person", "person", BASE + "/people", Person::id, Person::version, RecordJson::person);
        routes.get(people.address(), READERS, request -> {
            String q = search(request);
            String institution = request.query("institution").orElse(null);
            LocalDate at = at(request);
            int limit = request.number("limit", 1, MAX_LIMIT, PEOPLE_LIMIT);
            return list(people, read(connection -> {
                if (institution != null) {
                    store.requireInstitution(connection, "institution", institution);
                }
                return store.people(connection, q, institution, at, limit);
            }), at);
        });
        routes.post(people.address(), PEOPLE_EDITORS, request -> {
            Person person = refused(() -> Inputs.person(request.body(Inputs.PersonInput.class)));
            requireEditOf(request, person, person);
            return create(request, people, connection -> store.insertPerson(connection, person, LocalDate.now()));
        });
        routes.get(people.address() + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            LocalDate at = at(request);
            return show(request, people, connection -> store.person(connection, id), at);
        });
        routes.put(people.address() + "/{id}", PEOPLE_EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.PersonInput input = request.body(Inputs.PersonInput.class);
            sameId("id", id, input.id());
            Person person = refused(() -> Inputs.person(new Inputs.PersonInput(id, input.honorific(), input.rank(), input.name(),
                    input.pronoun(), input.affiliations())));
            Person current = read(connection -> store.person(connection, id)).orElseThrow(() -> notFound(request, "person"));
            requireEditOf(request, current, person);
            return replace(request, people, id, connection -> store.person(connection, id),
                    connection -> store.replacePerson(connection, id, version, person, LocalDate.now()));
        });
        routes.delete(people.address() + "/{id}", PEOPLE_EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Person current = read(connection -> store.person(connection, id)).orElseThrow(() -> notFound(request, "person"));
            requireEditOf(request, current, current);
            return delete(request, people, id, connection -> store.person(connection, id),
                    connection -> store.deletePerson(connection, id, version));
        });
    }

    /**
     * The delegate's rule: a delegate changes a person only while the person's current
     * affiliation is at the delegate's institution, and may not move them to another one (ending
     * the affiliation is allowed). The secretariat and administrators change everyone.
     */
    private static void requireEditOf(ApiRequest request, Person before, Person after) throws ProblemException {
        Caller caller = request.caller().orElseThrow();
        LocalDate today = LocalDate.now();
        String theirs = before.affiliationOn(today).map(affiliation -> affiliation.institution()).orElse(null);
        String then = after.affiliationOn(today).map(affiliation -> affiliation.institution()).orElse(null);
        boolean allowed = caller.mayEditFor(theirs) && (then == null || caller.mayEditFor(then));
        if (!allowed) {
            String yours = caller.institution().map(id -> "your institution ('" + id + "')").orElse("an institution, which your account has not");
            String where = theirs == null ? "has no current affiliation" : "is currently at '" + theirs + "'";
            String moved = then != null && !then.equals(theirs) ? ", and this change would place them at '" + then + "'" : "";
            throw ProblemException.forbidden("A delegate changes only the people currently affiliated with " + yours + ". Person '"
                    + before.id() + "' " + where + moved + "; the secretariat can make this change.");
        }
    }

    private void declareMemberships(Routes routes) {
        Kind<Membership> memberships = new Kind<>("membership", "membership", BASE + "/memberships",
                membership -> String.valueOf(membership.id()), Membership::version, RecordJson::membership);
        routes.get(memberships.address(), READERS, request -> {
            String body = request.query("body").orElse(null);
            String institution = request.query("institution").orElse(null);
            LocalDate at = at(request);
            return list(memberships, read(connection -> {
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                if (institution != null) {
                    store.requireInstitution(connection, "institution", institution);
                }
                return store.memberships(connection, body, institution, at);
            }), at);
        });
        routes.post(memberships.address(), EDITORS, request -> {
            Membership membership = refused(() -> Inputs.membership(request.body(Inputs.MembershipInput.class)));
            return create(request, memberships, connection -> store.insertMembership(connection, membership));
        });
        routes.get(memberships.address() + "/{id}", READERS, request -> {
            long id = numberOf(request, "membership");
            return show(request, memberships, connection -> store.membership(connection, id), null);
        });
        routes.put(memberships.address() + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "membership");
            long version = request.ifMatchVersion();
            Membership membership = refused(() -> Inputs.membership(request.body(Inputs.MembershipInput.class)));
            return replace(request, memberships, String.valueOf(id), connection -> store.membership(connection, id),
                    connection -> store.replaceMembership(connection, id, version, membership));
        });
        routes.delete(memberships.address() + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "membership");
            long version = request.ifMatchVersion();
            return delete(request, memberships, String.valueOf(id), connection -> store.membership(connection, id),
                    connection -> store.deleteMembership(connection, id, version));
        });
    }

    private void declareCoChairs(Routes routes) {
        Kind<CoChairCycle> coChairs = new Kind<>("co-chair cycle", "cochair-cycle", BASE + "/cochairs",
                cycle -> String.valueOf(cycle.id()), CoChairCycle::version, RecordJson::coChair);
        routes.get(coChairs.address(), READERS, request -> {
            String body = request.query("body").orElse(null);
            // Without at, the cycles that hold today: "who co-chairs now" is the usual question.
            LocalDate at = Optional.ofNullable(at(request)).orElse(LocalDate.now());
            return list(coChairs, read(connection -> {
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                return store.coChairs(connection, body, at);
            }), at);
        });
        routes.post(coChairs.address(), EDITORS, request -> {
            CoChairCycle cycle = refused(() -> Inputs.coChair(request.body(Inputs.CoChairInput.class)));
            return create(request, coChairs, connection -> store.insertCoChair(connection, cycle));
        });
        routes.get(coChairs.address() + "/{id}", READERS, request -> {
            long id = numberOf(request, "co-chair cycle");
            return show(request, coChairs, connection -> store.coChair(connection, id), null);
        });
        routes.put(coChairs.address() + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "co-chair cycle");
            long version = request.ifMatchVersion();
            CoChairCycle cycle = refused(() -> Inputs.coChair(request.body(Inputs.CoChairInput.class)));
            return replace(request, coChairs, String.valueOf(id), connection -> store.coChair(connection, id),
                    connection -> store.replaceCoChair(connection, id, version, cycle));
        });
        routes.delete(coChairs.address() + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "co-chair cycle");
            long version = request.ifMatchVersion();
            return delete(request, coChairs, String.valueOf(id), connection -> store.coChair(connection, id),
                    connection -> store.deleteCoChair(connection, id, version));
        });
    }

    // Parameters

    private static LocalDate at(ApiRequest request) throws ProblemException {
        Optional<String> at = request.query("at");
        return at.isEmpty() ? null : refused(() -> Inputs.date("at", at.get()));
    }

    private static String search(ApiRequest request) {
        return request.query("q").map(String::trim).filter(q -> !q.isEmpty()).orElse(null);
    }

    private static String grouping(ApiRequest request) throws ProblemException {
        Optional<String> grouping = request.query("grouping");
        if (grouping.isPresent() && !MembershipDirectory.GROUPINGS.contains(grouping.get())) {
            throw problem(RecordRefused.malformed("grouping", "grouping is '" + grouping.get() + "'; give one of "
                    + String.join(", ", MembershipDirectory.GROUPINGS) + "."));
        }
        return grouping.orElse(null);
    }

    private static String codeOf(ApiRequest request) {
        return request.pathParameter("code").toUpperCase(Locale.ROOT);
    }

    private static long numberOf(ApiRequest request, String kind) throws ProblemException {
        try {
            return Long.parseLong(request.pathParameter("id"));
        } catch (NumberFormatException notANumber) {
            throw ProblemException.notFound("There is no " + kind + " '" + request.pathParameter("id") + "'; its ids are numbers.");
        }
    }

    /** Ids never change: a body that names another id than the path is refused. */
    private static void sameId(String field, String fromPath, String fromBody) throws ProblemException {
        if (fromBody != null && !fromBody.equalsIgnoreCase(fromPath)) {
            throw problem(RecordRefused.malformed(field, field + " is '" + fromBody + "' but the address names '" + fromPath
                    + "'; ids never change: create a new record instead."));
        }
    }

    private static ProblemException notFound(ApiRequest request, String kind) {
        String id = request.pathParameter(kind.equals("country") ? "code" : "id");
        return ProblemException.notFound("There is no " + kind + " '" + id + "'.");
    }

    private static <T> T existing(Optional<T> record, String kind, String id) throws RecordRefused {
        return record.orElseThrow(() -> RecordRefused.notFound("There is no " + kind + " '" + id + "'."));
    }

    // Answers

    /** 200 with the records, each as of the day (today if null), written as they are sent. */
    private static <T> ApiResponse list(Kind<T> kind, List<T> records, LocalDate day) {
        return ApiResponse.ok(RecordJson.list(records, kind.view(), day));
    }

    /** 200 with the record as of the day (today if null) and its ETag, or 404. */
    private <T> ApiResponse show(ApiRequest request, Kind<T> kind, Transaction<Optional<T>> lookup, LocalDate day)
            throws ProblemException {
        T record = read(lookup).orElseThrow(() -> notFound(request, kind.name()));
        return ApiResponse.ok(RecordJson.tree(record, kind.view(), day)).withETag(kind.version().applyAsLong(record));
    }

    /** 201 with the record inserted, its address and ETag; audited. */
    private <T> ApiResponse create(ApiRequest request, Kind<T> kind, Transaction<T> insert) throws ProblemException {
        T created = write(insert);
        String id = kind.id().apply(created);
        request.audit(kind.entity(), id, null, json.tree(created));
        changes.created(kind.entity(), id);
        return ApiResponse.created(kind.address() + "/" + id, RecordJson.tree(created, kind.view(), null))
                .withETag(kind.version().applyAsLong(created));
    }

    /** 200 with the record replaced and its new ETag; 404 if there is none, 412 if its version is not the If-Match one; audited. */
    private <T> ApiResponse replace(ApiRequest request, Kind<T> kind, String id, Transaction<Optional<T>> lookup,
            Transaction<T> replacement) throws ProblemException {
        Edit<T> edit = write(connection -> new Edit<>(existing(lookup.run(connection), kind.name(), id), replacement.run(connection)));
        request.audit(kind.entity(), id, json.tree(edit.before()), json.tree(edit.after()));
        changes.changed(kind.entity(), id);
        return ApiResponse.ok(RecordJson.tree(edit.after(), kind.view(), null)).withETag(kind.version().applyAsLong(edit.after()));
    }

    /** 204 once the record is deleted; 404 if there is none, 412 if its version is not the If-Match one; audited. */
    private <T> ApiResponse delete(ApiRequest request, Kind<T> kind, String id, Transaction<Optional<T>> lookup, Deletion deletion)
            throws ProblemException {
        T before = write(connection -> {
            T existing = existing(lookup.run(connection), kind.name(), id);
            deletion.run(connection);
            return existing;
        });
        request.audit(kind.entity(), id, json.tree(before), null);
        changes.deleted(kind.entity(), id);
        return ApiResponse.noContent();
    }

    @FunctionalInterface
    private interface Deletion {
        void run(Connection connection) throws SQLException;
    }

    // Storage and refusals

    @FunctionalInterface
    private interface Check<T> {
        T run() throws SQLException, ProblemException;
    }

    private static <T> T refused(Check<T> check) throws ProblemException {
        try {
            return check.run();
        } catch (RecordRefused refusal) {
            throw problem(refusal);
        } catch (SQLException unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    private <T> T read(Transaction<T> work) throws ProblemException {
        return storage(() -> database.read(work));
    }

    private <T> T write(Transaction<T> work) throws ProblemException {
        return storage(() -> database.inTransaction(work));
    }

    @FunctionalInterface
    interface StorageWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs storage work. A refused change is the client's 4xx naming the field; a stale version
     * its 412 (404 if the record is gone); any other database failure the server's 503, without
     * internals.
     */
    static <T> T storage(StorageWork<T> work) throws ProblemException {
        try {
            return work.run();
        } catch (RecordRefused refusal) {
            throw problem(refusal);
        } catch (StaleVersionException stale) {
            if (stale.currentVersion().isEmpty()) {
                throw ProblemException.notFound("The record no longer exists.");
            }
            throw ProblemException.staleVersion("The record is at version " + stale.currentVersion().getAsLong() + ", not "
                    + stale.expectedVersion() + ": someone changed it since you read it. Nothing was changed; GET it again and"
                    + " reapply your change with its new ETag.");
        } catch (SQLException failed) {
            System.getLogger(MembershipResource.class.getName()).log(System.Logger.Level.ERROR, "Storage failed", failed);
            throw new ProblemException(503, "storage-unavailable", "Storage unavailable",
                    "The membership directory could not be read or written just now; try again shortly.");
        }
    }

    static ProblemException problem(RecordRefused refusal) {
        return new ProblemException(refusal.status(), refusal.type(), refusal.title(), refusal.getMessage(), refusal.extensions());
    }
}
