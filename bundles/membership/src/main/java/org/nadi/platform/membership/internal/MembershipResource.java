package org.nadi.platform.membership.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The directory over REST, under {@value #BASE}: {@code countries}, {@code bodies},
 * {@code institutions}, {@code people}, {@code memberships} and {@code cochairs}, each with a
 * filtered list, {@code POST} to create (201 with {@code Location} and {@code ETag}), and
 * {@code GET}, {@code PUT} (whole record) and {@code DELETE} of one record, both with
 * {@code If-Match}. Observers read; the secretariat edits; a delegate edits the people whose
 * current affiliation is at their own institution. Every change is audited with the record
 * before and after. See {@code docs/membership.md}.
 */
@Component(service = RestResource.class)
public final class MembershipResource implements RestResource {

    static final String BASE = "/api/v1/membership";
    static final int MAX_LIMIT = 1000;
    private static final Access READERS = Access.role(Role.OBSERVER);
    private static final Access EDITORS = Access.role(Role.SECRETARIAT);
    private static final Access PEOPLE_EDITORS = Access.role(Role.DELEGATE);

    private final Database database;
    private final MembershipStore store;
    private final JsonTrees json = new JsonTrees();

    @Activate
    public MembershipResource(@Reference Database database) {
        this.database = database;
        this.store = new MembershipStore(database);
    }

    /** A record before and after a change, as the audit trail gets it. */
    private record Edit<T>(T before, T after) {
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
        String countries = BASE + "/countries";
        routes.get(countries, READERS, request -> {
            String grouping = grouping(request);
            LocalDate at = at(request);
            String q = search(request);
            return list(read(connection -> store.countries(connection, grouping, at, q)));
        });
        routes.post(countries, EDITORS, request -> {
            Country country = refused(() -> Inputs.country(request.body(Inputs.CountryInput.class)));
            Country created = write(connection -> store.insertCountry(connection, country));
            request.audit("country", created.code(), null, json.tree(created));
            return ApiResponse.created(countries + "/" + created.code(), json.tree(created)).withETag(created.version());
        });
        routes.get(countries + "/{code}", READERS, request -> {
            Country country = read(connection -> store.country(connection, codeOf(request))).orElseThrow(() -> notFound(request, "country"));
            return ApiResponse.ok(json.tree(country)).withETag(country.version());
        });
        routes.put(countries + "/{code}", EDITORS, request -> {
            String code = codeOf(request);
            long version = request.ifMatchVersion();
            Inputs.CountryInput input = request.body(Inputs.CountryInput.class);
            sameId("code", code, input.code());
            Country country = refused(() -> Inputs.country(new Inputs.CountryInput(code, input.shortName(), input.formalName(),
                    input.standings())));
            Edit<Country> edit = write(connection -> new Edit<>(existing(store.country(connection, code), "country", code),
                    store.replaceCountry(connection, code, version, country)));
            return changed(request, "country", code, edit, edit.after().version());
        });
        routes.delete(countries + "/{code}", EDITORS, request -> {
            String code = codeOf(request);
            long version = request.ifMatchVersion();
            Country before = write(connection -> {
                Country existing = existing(store.country(connection, code), "country", code);
                store.deleteCountry(connection, code, version);
                return existing;
            });
            request.audit("country", code, json.tree(before), null);
            return ApiResponse.noContent();
        });
    }

    private void declareBodies(Routes routes) {
        String bodies = BASE + "/bodies";
        routes.get(bodies, READERS, request -> {
            String q = search(request);
            return list(read(connection -> store.bodies(connection, q)));
        });
        routes.post(bodies, EDITORS, request -> {
            Body body = refused(() -> Inputs.body(request.body(Inputs.BodyInput.class)));
            Body created = write(connection -> store.insertBody(connection, body));
            request.audit("body", created.id(), null, json.tree(created));
            return ApiResponse.created(bodies + "/" + created.id(), json.tree(created)).withETag(created.version());
        });
        routes.get(bodies + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            Body body = read(connection -> store.body(connection, id)).orElseThrow(() -> notFound(request, "body"));
            return ApiResponse.ok(json.tree(body)).withETag(body.version());
        });
        routes.put(bodies + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.BodyInput input = request.body(Inputs.BodyInput.class);
            sameId("id", id, input.id());
            Body body = refused(() -> Inputs.body(new Inputs.BodyInput(id, input.name(), input.acronym(), input.kind(), input.parent(),
                    input.reportsTo())));
            Edit<Body> edit = write(connection -> new Edit<>(existing(store.body(connection, id), "body", id),
                    store.replaceBody(connection, id, version, body)));
            return changed(request, "body", id, edit, edit.after().version());
        });
        routes.delete(bodies + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Body before = write(connection -> {
                Body existing = existing(store.body(connection, id), "body", id);
                store.deleteBody(connection, id, version);
                return existing;
            });
            request.audit("body", id, json.tree(before), null);
            return ApiResponse.noContent();
        });
    }

    private void declareInstitutions(Routes routes) {
        String institutions = BASE + "/institutions";
        routes.get(institutions, READERS, request -> {
            String country = request.query("country").isPresent() ? refused(() -> Inputs.code("country", request.query("country").get()))
                    : null;
            String body = request.query("body").orElse(null);
            LocalDate at = at(request);
            String q = search(request);
            int limit = request.number("limit", 1, MAX_LIMIT, MAX_LIMIT);
            JsonArray answer = new JsonArray();
            for (Institution institution : read(connection -> {
                if (country != null) {
                    store.requireCountry(connection, "country", country);
                }
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                return store.institutions(connection, country, body, at, q, limit);
            })) {
                answer.add(institutionJson(institution, at));
            }
            return ApiResponse.ok(answer);
        });
        routes.post(institutions, EDITORS, request -> {
            Institution institution = refused(() -> Inputs.institution(request.body(Inputs.InstitutionInput.class)));
            Institution created = write(connection -> store.insertInstitution(connection, institution));
            request.audit("institution", created.id(), null, json.tree(created));
            return ApiResponse.created(institutions + "/" + created.id(), institutionJson(created, null)).withETag(created.version());
        });
        routes.get(institutions + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            LocalDate at = at(request);
            Institution institution = read(connection -> store.institution(connection, id))
                    .orElseThrow(() -> notFound(request, "institution"));
            return ApiResponse.ok(institutionJson(institution, at)).withETag(institution.version());
        });
        routes.put(institutions + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.InstitutionInput input = request.body(Inputs.InstitutionInput.class);
            sameId("id", id, input.id());
            Institution institution = refused(() -> Inputs.institution(new Inputs.InstitutionInput(id, input.country(),
                    input.parentOrganisation(), input.names())));
            Edit<Institution> edit = write(connection -> new Edit<>(existing(store.institution(connection, id), "institution", id),
                    store.replaceInstitution(connection, id, version, institution)));
            request.audit("institution", id, json.tree(edit.before()), json.tree(edit.after()));
            return ApiResponse.ok(institutionJson(edit.after(), null)).withETag(edit.after().version());
        });
        routes.delete(institutions + "/{id}", EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Institution before = write(connection -> {
                Institution existing = existing(store.institution(connection, id), "institution", id);
                store.deleteInstitution(connection, id, version);
                return existing;
            });
            request.audit("institution", id, json.tree(before), null);
            return ApiResponse.noContent();
        });
    }

    /** An institution with, next to its name history, its {@code name} and {@code acronym} on the day (today if null). */
    private JsonObject institutionJson(Institution institution, LocalDate day) {
        JsonObject object = json.tree(institution).getAsJsonObject();
        InstitutionName name = institution.nameOn(day == null ? LocalDate.now() : day).orElse(institution.currentName());
        object.addProperty("name", name.name());
        object.addProperty("acronym", name.acronym());
        return object;
    }

    private void declarePeople(Routes routes) {
        String people = BASE + "/people";
        routes.get(people, READERS, request -> {
            String q = search(request);
            String institution = request.query("institution").orElse(null);
            LocalDate at = at(request);
            int limit = request.number("limit", 1, MAX_LIMIT, MAX_LIMIT);
            JsonArray answer = new JsonArray();
            for (Person person : read(connection -> {
                if (institution != null) {
                    store.requireInstitution(connection, "institution", institution);
                }
                return store.people(connection, q, institution, at, limit);
            })) {
                answer.add(personJson(person, at));
            }
            return ApiResponse.ok(answer);
        });
        routes.post(people, PEOPLE_EDITORS, request -> {
            Person person = refused(() -> Inputs.person(request.body(Inputs.PersonInput.class)));
            requireEditOf(request, person, person);
            Person created = write(connection -> store.insertPerson(connection, person, LocalDate.now()));
            request.audit("person", created.id(), null, json.tree(created));
            return ApiResponse.created(people + "/" + created.id(), personJson(created, null)).withETag(created.version());
        });
        routes.get(people + "/{id}", READERS, request -> {
            String id = request.pathParameter("id");
            LocalDate at = at(request);
            Person person = read(connection -> store.person(connection, id)).orElseThrow(() -> notFound(request, "person"));
            return ApiResponse.ok(personJson(person, at)).withETag(person.version());
        });
        routes.put(people + "/{id}", PEOPLE_EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Inputs.PersonInput input = request.body(Inputs.PersonInput.class);
            sameId("id", id, input.id());
            Person person = refused(() -> Inputs.person(new Inputs.PersonInput(id, input.honorific(), input.rank(), input.name(),
                    input.pronoun(), input.affiliations())));
            Person current = read(connection -> store.person(connection, id)).orElseThrow(() -> notFound(request, "person"));
            requireEditOf(request, current, person);
            Edit<Person> edit = write(connection -> new Edit<>(existing(store.person(connection, id), "person", id),
                    store.replacePerson(connection, id, version, person, LocalDate.now())));
            request.audit("person", id, json.tree(edit.before()), json.tree(edit.after()));
            return ApiResponse.ok(personJson(edit.after(), null)).withETag(edit.after().version());
        });
        routes.delete(people + "/{id}", PEOPLE_EDITORS, request -> {
            String id = request.pathParameter("id");
            long version = request.ifMatchVersion();
            Person current = read(connection -> store.person(connection, id)).orElseThrow(() -> notFound(request, "person"));
            requireEditOf(request, current, current);
            write(connection -> {
                store.deletePerson(connection, id, version);
                return null;
            });
            request.audit("person", id, json.tree(current), null);
            return ApiResponse.noContent();
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

    /** A person with, next to their history, their {@code affiliation} on the day (today if null), or null. */
    private JsonObject personJson(Person person, LocalDate day) {
        JsonObject object = json.tree(person).getAsJsonObject();
        object.add("affiliation", json.tree(person.affiliationOn(day == null ? LocalDate.now() : day).orElse(null)));
        return object;
    }

    private void declareMemberships(Routes routes) {
        String memberships = BASE + "/memberships";
        routes.get(memberships, READERS, request -> {
            String body = request.query("body").orElse(null);
            String institution = request.query("institution").orElse(null);
            LocalDate at = at(request);
            return list(read(connection -> {
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                if (institution != null) {
                    store.requireInstitution(connection, "institution", institution);
                }
                return store.memberships(connection, body, institution, at);
            }));
        });
        routes.post(memberships, EDITORS, request -> {
            Membership membership = refused(() -> Inputs.membership(request.body(Inputs.MembershipInput.class)));
            Membership created = write(connection -> store.insertMembership(connection, membership));
            request.audit("membership", String.valueOf(created.id()), null, json.tree(created));
            return ApiResponse.created(memberships + "/" + created.id(), json.tree(created)).withETag(created.version());
        });
        routes.get(memberships + "/{id}", READERS, request -> {
            long id = numberOf(request, "membership");
            Membership membership = read(connection -> store.membership(connection, id))
                    .orElseThrow(() -> notFound(request, "membership"));
            return ApiResponse.ok(json.tree(membership)).withETag(membership.version());
        });
        routes.put(memberships + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "membership");
            long version = request.ifMatchVersion();
            Membership membership = refused(() -> Inputs.membership(request.body(Inputs.MembershipInput.class)));
            Edit<Membership> edit = write(connection -> new Edit<>(
                    existing(store.membership(connection, id), "membership", String.valueOf(id)),
                    store.replaceMembership(connection, id, version, membership)));
            return changed(request, "membership", String.valueOf(id), edit, edit.after().version());
        });
        routes.delete(memberships + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "membership");
            long version = request.ifMatchVersion();
            Membership before = write(connection -> {
                Membership existing = existing(store.membership(connection, id), "membership", String.valueOf(id));
                store.deleteMembership(connection, id, version);
                return existing;
            });
            request.audit("membership", String.valueOf(id), json.tree(before), null);
            return ApiResponse.noContent();
        });
    }

    private void declareCoChairs(Routes routes) {
        String coChairs = BASE + "/cochairs";
        routes.get(coChairs, READERS, request -> {
            String body = request.query("body").orElse(null);
            // Without at, the cycles that hold today: "who co-chairs now" is the usual question.
            LocalDate at = Optional.ofNullable(at(request)).orElse(LocalDate.now());
            return list(read(connection -> {
                if (body != null) {
                    store.requireBody(connection, "body", body);
                }
                return store.coChairs(connection, body, at);
            }));
        });
        routes.post(coChairs, EDITORS, request -> {
            CoChairCycle cycle = refused(() -> Inputs.coChair(request.body(Inputs.CoChairInput.class)));
            CoChairCycle created = write(connection -> store.insertCoChair(connection, cycle));
            request.audit("cochair-cycle", String.valueOf(created.id()), null, json.tree(created));
            return ApiResponse.created(coChairs + "/" + created.id(), json.tree(created)).withETag(created.version());
        });
        routes.get(coChairs + "/{id}", READERS, request -> {
            long id = numberOf(request, "co-chair cycle");
            CoChairCycle cycle = read(connection -> store.coChair(connection, id)).orElseThrow(() -> notFound(request, "co-chair cycle"));
            return ApiResponse.ok(json.tree(cycle)).withETag(cycle.version());
        });
        routes.put(coChairs + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "co-chair cycle");
            long version = request.ifMatchVersion();
            CoChairCycle cycle = refused(() -> Inputs.coChair(request.body(Inputs.CoChairInput.class)));
            Edit<CoChairCycle> edit = write(connection -> new Edit<>(
                    existing(store.coChair(connection, id), "co-chair cycle", String.valueOf(id)),
                    store.replaceCoChair(connection, id, version, cycle)));
            return changed(request, "cochair-cycle", String.valueOf(id), edit, edit.after().version());
        });
        routes.delete(coChairs + "/{id}", EDITORS, request -> {
            long id = numberOf(request, "co-chair cycle");
            long version = request.ifMatchVersion();
            CoChairCycle before = write(connection -> {
                CoChairCycle existing = existing(store.coChair(connection, id), "co-chair cycle", String.valueOf(id));
                store.deleteCoChair(connection, id, version);
                return existing;
            });
            request.audit("cochair-cycle", String.valueOf(id), json.tree(before), null);
            return ApiResponse.noContent();
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

    private ApiResponse list(List<?> records) {
        return ApiResponse.ok(json.tree(records));
    }

    private <T> ApiResponse changed(ApiRequest request, String entity, String id, Edit<T> edit, long version) {
        JsonElement after = json.tree(edit.after());
        request.audit(entity, id, json.tree(edit.before()), after);
        return ApiResponse.ok(after).withETag(version);
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
