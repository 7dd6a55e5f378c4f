package org.nadi.platform.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nadi.platform.storage.internal.TestStorage;
import org.nadi.platform.web.api.ApiResponse;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;
import org.nadi.platform.web.testing.FakeRequest;
import org.nadi.platform.web.testing.TestRoutes;

import com.google.gson.JsonObject;

/** The rules of the REST routes, over a real database holding the small test file. */
@Timeout(120)
class MembershipRulesTest {

    private static final Caller SECRETARIAT = new Caller("sec", Role.SECRETARIAT, Optional.empty());
    private static final Caller KHMER_DELEGATE = new Caller("kh", Role.DELEGATE, Optional.of("kh-gdpfa"));
    private static final Caller SINGAPORE_DELEGATE = new Caller("sg", Role.DELEGATE, Optional.of("sg-rsis"));
    private static final String BASE = "/api/v1/membership";

    @TempDir
    Path folder;
    private TestStorage storage;
    private TestRoutes routes;

    @BeforeEach
    void start() throws Exception {
        storage = TestStorage.open(folder, "membership", DirectoryTest.MIGRATIONS);
        try (InputStream in = MembershipRulesTest.class.getResourceAsStream("/reference-data/small.json")) {
            new ReferenceData(storage.database(), new JsonTrees(), new MembershipChanges()).load(in, DirectoryTest.TODAY);
        }
        routes = TestRoutes.of(new MembershipResource(storage.database(), new MembershipChanges()));
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    private ProblemException refused(String route, FakeRequest request) {
        return assertThrows(ProblemException.class, () -> routes.call(route, request));
    }

    private static String field(ProblemException problem) {
        return (String) problem.extensions().get("field");
    }

    @Test
    void readersAreObserversAndEditorsTheSecretariatExceptForPeople() {
        routes.accessByRoute().forEach((route, access) -> {
            String expected = route.startsWith("GET ") ? "observer" : route.contains("/people") ? "delegate" : "secretariat";
            assertEquals(expected, access.toString(), route);
        });
        assertEquals(30, routes.accessByRoute().size());
    }

    @Test
    void anEndDateBeforeItsStartIsRefusedNamingTheField() {
        ProblemException problem = refused("POST " + BASE + "/memberships", new FakeRequest().by(SECRETARIAT).json(
                "{\"institution\": \"kh-gdpfa\", \"body\": \"admm\", \"role\": \"member\", \"from\": \"2024-01-01\", \"to\": \"2023-12-31\"}"));
        assertEquals(422, problem.status());
        assertEquals("to", field(problem));
        ProblemException nested = refused("POST " + BASE + "/institutions", new FakeRequest().by(SECRETARIAT).json(
                "{\"id\": \"kh-new\", \"country\": \"KH\", \"names\": [{\"name\": \"New\", \"from\": \"2024-01-02\", \"to\": \"2024-01-01\"}]}"));
        assertEquals("names[0].to", field(nested));
    }

    @Test
    void anUnknownCountryCodeIsRefusedAndAMalformedOneIsABadRequest() {
        ProblemException unknown = refused("POST " + BASE + "/institutions", new FakeRequest().by(SECRETARIAT).json(
                "{\"id\": \"zz-new\", \"country\": \"ZZ\", \"names\": [{\"name\": \"Nowhere\"}]}"));
        assertEquals(422, unknown.status());
        assertEquals("unknown-reference", unknown.type());
        assertEquals("country", field(unknown));
        ProblemException malformed = refused("POST " + BASE + "/institutions", new FakeRequest().by(SECRETARIAT).json(
                "{\"id\": \"zz-new\", \"country\": \"Cambodia\", \"names\": [{\"name\": \"Nowhere\"}]}"));
        assertEquals(400, malformed.status());
        assertEquals(404, refused("GET " + BASE + "/countries/{code}", new FakeRequest().by(SECRETARIAT).path("code", "ZZ")).status());
        assertEquals(400, refused("GET " + BASE + "/countries", new FakeRequest().by(SECRETARIAT).query("at", "1 Jan 2026")).status());
    }

    @Test
    void aMembershipOverlappingAnotherOfTheSameInstitutionAndBodyContradictsIt() throws Exception {
        ProblemException problem = refused("POST " + BASE + "/memberships", new FakeRequest().by(SECRETARIAT).json(
                "{\"institution\": \"tl-idn\", \"body\": \"nadi\", \"role\": \"member\", \"from\": \"2025-10-26\", \"to\": null}"));
        assertEquals(409, problem.status());
        assertEquals("contradicting-membership", problem.type());
        assertTrue(problem.detail().contains("observer"), problem::detail);
        assertTrue(((String) problem.extensions().get("conflicting")).startsWith(BASE + "/memberships/"));
        // Ending the observer membership first, the member one can follow it.
        String observer = (String) problem.extensions().get("conflicting");
        long id = Long.parseLong(observer.substring(observer.lastIndexOf('/') + 1));
        routes.call("PUT " + BASE + "/memberships/{id}", new FakeRequest().by(SECRETARIAT).path("id", String.valueOf(id)).ifMatch(1).json(
                "{\"institution\": \"tl-idn\", \"body\": \"nadi\", \"role\": \"observer\", \"from\": \"2023-01-01\", \"to\": \"2025-10-25\"}"));
        ApiResponse member = routes.call("POST " + BASE + "/memberships", new FakeRequest().by(SECRETARIAT).json(
                "{\"institution\": \"tl-idn\", \"body\": \"nadi\", \"role\": \"member\", \"from\": \"2025-10-26\", \"to\": null}"));
        assertEquals(201, member.status());
    }

    @Test
    void aDuplicatePersonIsRefusedOfferingTheExistingOne() {
        ProblemException problem = refused("POST " + BASE + "/people", new FakeRequest().by(SECRETARIAT).json(
                "{\"id\": \"nem-sowathey-2\", \"rank\": \"LTG\", \"name\": \"nem sowathey\", \"pronoun\": \"she\", \"affiliations\":"
                        + " [{\"institution\": \"kh-gdpfa\", \"position\": \"Director\", \"from\": \"2025-01-01\", \"to\": null}]}"));
        assertEquals(409, problem.status());
        assertEquals("duplicate-person", problem.type());
        assertEquals("nem-sowathey", problem.extensions().get("existingId"));
        assertEquals(BASE + "/people/nem-sowathey", problem.extensions().get("existing"));
    }

    @Test
    void aDelegateEditsOnlyThePeopleOfTheirOwnInstitution() throws Exception {
        String person = "{\"id\": \"nem-sowathey\", \"rank\": \"GEN\", \"name\": \"Nem Sowathey\", \"pronoun\": \"she\", \"affiliations\":"
                + " [{\"institution\": \"%s\", \"position\": \"Deputy Director-General\", \"from\": \"2024-09-18\", \"to\": null}]}";
        ProblemException other = refused("PUT " + BASE + "/people/{id}", new FakeRequest().by(SINGAPORE_DELEGATE)
                .path("id", "nem-sowathey").ifMatch(1).json(person.formatted("kh-gdpfa")));
        assertEquals(403, other.status());
        assertTrue(other.detail().contains("sg-rsis") && other.detail().contains("kh-gdpfa"), other::detail);
        ProblemException moving = refused("PUT " + BASE + "/people/{id}", new FakeRequest().by(KHMER_DELEGATE)
                .path("id", "nem-sowathey").ifMatch(1).json(person.formatted("sg-rsis")));
        assertEquals(403, moving.status());

        FakeRequest own = new FakeRequest().by(KHMER_DELEGATE).path("id", "nem-sowathey").ifMatch(1).json(person.formatted("kh-gdpfa"));
        ApiResponse changed = routes.call("PUT " + BASE + "/people/{id}", own);
        assertEquals("\"2\"", changed.headers().get("ETag"));
        assertEquals("GEN", ((JsonObject) changed.body()).get("rank").getAsString());
        assertEquals("LTG", ((JsonObject) own.audited().get(0).get(2)).get("rank").getAsString(), "audited with the record before");
        assertEquals(403, refused("POST " + BASE + "/people", new FakeRequest().by(KHMER_DELEGATE).json(
                "{\"id\": \"someone\", \"name\": \"Someone\", \"pronoun\": \"they\", \"affiliations\":"
                        + " [{\"institution\": \"sg-rsis\", \"from\": \"2024-01-01\", \"to\": null}]}")).status());
    }

    @Test
    void anEditNeedsTheVersionLastRead() throws Exception {
        String body = "{\"code\": \"KH\", \"shortName\": \"Cambodia\", \"formalName\": \"Kingdom of Cambodia\", \"standings\":"
                + " [{\"grouping\": \"asean-member\", \"from\": \"1999-04-30\", \"to\": null}]}";
        FakeRequest noVersion = new FakeRequest().by(SECRETARIAT).path("code", "KH").json(body);
        assertEquals(428, refused("PUT " + BASE + "/countries/{code}", noVersion).status());
        routes.call("PUT " + BASE + "/countries/{code}", new FakeRequest().by(SECRETARIAT).path("code", "KH").ifMatch(1).json(body));
        assertEquals(412, refused("PUT " + BASE + "/countries/{code}",
                new FakeRequest().by(SECRETARIAT).path("code", "KH").ifMatch(1).json(body)).status());
        ProblemException referenced = refused("DELETE " + BASE + "/countries/{code}",
                new FakeRequest().by(SECRETARIAT).path("code", "KH").ifMatch(2));
        assertEquals(409, referenced.status());
        assertNull(field(referenced));
    }
}
