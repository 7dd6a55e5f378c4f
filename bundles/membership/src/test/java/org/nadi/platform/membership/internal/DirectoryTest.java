package org.nadi.platform.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;
import org.nadi.platform.storage.internal.TestStorage;

/** The dated questions and the reference-data loader, on real databases. */
@Timeout(120)
class DirectoryTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migrations");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    @TempDir
    Path folder;
    private TestStorage storage;

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
    }

    /** A database with the small test file loaded, and the directory over it. */
    private Directory loaded(String engine) throws Exception {
        storage = TestStorage.open(engine, folder, "membership", MIGRATIONS);
        ReferenceData.Outcome outcome = load("small.json");
        assertEquals(0, outcome.alreadyThereCount(), outcome::toString);
        return new Directory(storage.database());
    }

    private ReferenceData.Outcome load(String file) throws Exception {
        try (InputStream in = DirectoryTest.class.getResourceAsStream("/reference-data/" + file)) {
            return new ReferenceData(storage.database(), new JsonTrees(), new MembershipChanges()).load(in, TODAY);
        }
    }

    private static List<String> codes(List<Country> countries) {
        return countries.stream().map(Country::code).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void timorLesteCountsAsAnAseanMemberOnlyFromItsAccession(String engine) throws Exception {
        Directory directory = loaded(engine);
        assertEquals(List.of("KH", "SG"), codes(directory.countriesIn(MembershipDirectory.ASEAN_MEMBER, LocalDate.of(2025, 10, 25))));
        assertEquals(List.of("KH", "SG", "TL"), codes(directory.countriesIn(MembershipDirectory.ASEAN_MEMBER, LocalDate.of(2025, 10, 26))));
        assertEquals(List.of("TL"), codes(directory.countriesIn(MembershipDirectory.ASEAN_OBSERVER, LocalDate.of(2025, 10, 25))));
        assertEquals(List.of(), codes(directory.countriesIn(MembershipDirectory.ASEAN_OBSERVER, TODAY)));
        assertEquals(List.of("AU", "NZ"), codes(directory.countriesIn(MembershipDirectory.ADMM_PLUS_PARTNER, TODAY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void overlappingCoChairCyclesAreBothCurrentWhileTheyOverlap(String engine) throws Exception {
        Directory directory = loaded(engine);
        List<CoChairCycle> handover = directory.coChairsOf("ewg-cyber-security", LocalDate.of(2024, 5, 1));
        assertEquals(List.of("SG+NZ", "KH+AU"), handover.stream().map(cycle -> cycle.aseanCountry() + "+" + cycle.plusCountry()).toList());
        List<CoChairCycle> now = directory.coChairsOf("ewg-cyber-security", TODAY);
        assertEquals(List.of("KH+AU"), now.stream().map(cycle -> cycle.aseanCountry() + "+" + cycle.plusCountry()).toList());
        assertEquals(List.of(), directory.coChairsOf("ewg-cyber-security", LocalDate.of(2027, 4, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void anInstitutionIsCalledByTheNameItHadOnTheDay(String engine) throws Exception {
        Directory directory = loaded(engine);
        assertEquals("IDSS", directory.institutionName("sg-rsis", LocalDate.of(2006, 12, 31)).orElseThrow().acronym());
        assertEquals("RSIS", directory.institutionName("sg-rsis", LocalDate.of(2007, 1, 1)).orElseThrow().acronym());
        assertEquals("Ministry of National Defence", directory.institution("kh-gdpfa").orElseThrow().parentOrganisation());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void theMembersOfABodyAreThoseWhoseMembershipHeldOnTheDay(String engine) throws Exception {
        Directory directory = loaded(engine);
        assertEquals(List.of("kh-gdpfa", "sg-rsis"), directory.membersOf("nadi", LocalDate.of(2022, 6, 1)).stream()
                .map(Membership::institution).toList());
        assertEquals(List.of("kh-gdpfa:member", "sg-rsis:member", "tl-idn:observer"), directory.membersOf("nadi", TODAY).stream()
                .map(membership -> membership.institution() + ":" + membership.role()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void peopleAndInstitutionsAreLookedUpByTheListLeavingOutUnknownIds(String engine) throws Exception {
        Directory directory = loaded(engine);
        Map<String, Person> people = directory.people(List.of("nem-sowathey", "nobody", "nem-sowathey"));
        assertEquals(Set.of("nem-sowathey"), people.keySet());
        assertEquals(directory.person("nem-sowathey").orElseThrow(), people.get("nem-sowathey"));
        List<String> many = new ArrayList<>(Collections.nCopies(1200, "unknown"));
        many.add("sg-rsis");
        many.add("kh-gdpfa");
        Map<String, Institution> institutions = directory.institutions(many);
        assertEquals(Set.of("sg-rsis", "kh-gdpfa"), institutions.keySet());
        assertEquals(directory.institution("sg-rsis").orElseThrow(), institutions.get("sg-rsis"));
        assertTrue(directory.people(List.of()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aPersonHasAnAffiliationOnlyWithinItsDates(String engine) throws Exception {
        Directory directory = loaded(engine);
        assertEquals("Deputy Director-General", directory.affiliation("nem-sowathey", LocalDate.of(2024, 9, 18)).orElseThrow().position());
        assertTrue(directory.affiliation("nem-sowathey", LocalDate.of(2024, 9, 17)).isEmpty());
        assertEquals("LTG", directory.person("nem-sowathey").orElseThrow().rank());
        assertTrue(directory.person("nobody").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void loadingTheSameFileAgainCreatesNothing(String engine) throws Exception {
        Directory directory = loaded(engine);
        ReferenceData.Outcome again = load("small.json");
        assertEquals(0, again.createdCount(), again::toString);
        assertEquals(Map.of("countries", 5, "standings", 6, "bodies", 4, "institutions", 3, "memberships", 3, "people", 1,
                "cochairs", 2), again.alreadyThere());
        assertEquals(2, directory.coChairsOf("ewg-cyber-security", LocalDate.of(2024, 5, 1)).size());
        assertEquals("admm", directory.body("nadi").orElseThrow().reportsTo());
        assertEquals("admm-plus", directory.body("ewg-cyber-security").orElseThrow().parent(), "linked to a body listed after it");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void loadingAgainKeepsWhatWasEditedSince(String engine) throws Exception {
        Directory directory = loaded(engine);
        Membership gdpfa = directory.membersOf("nadi", TODAY).get(0);
        MembershipStore store = new MembershipStore(storage.database());
        storage.database().inTransaction(connection -> store.replaceMembership(connection, gdpfa.id(), gdpfa.version(),
                new Membership(0, "kh-gdpfa", "nadi", "member", LocalDate.of(2010, 1, 1), null, 0)));
        ReferenceData.Outcome again = load("small.json");
        assertEquals(0, again.createdCount(), again::toString);
        assertEquals(LocalDate.of(2010, 1, 1), directory.membersOf("nadi", TODAY).get(0).from());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE})
    void aFileWithOneBadRecordLoadsNothingAndNamesTheRecord(String engine) throws Exception {
        storage = TestStorage.open(engine, folder, "membership", MIGRATIONS);
        RecordRefused refused = assertThrows(RecordRefused.class, () -> load("bad-institution.json"));
        assertEquals("institutions[1].country", refused.field(), refused::getMessage);
        assertEquals(422, refused.status());
        Directory directory = new Directory(storage.database());
        assertTrue(directory.country("KH").isEmpty(), "the countries before the bad record were rolled back");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE})
    void theShippedReferenceDataLoadsAndAnswersTheIssuesQuestions(String engine) throws Exception {
        storage = TestStorage.open(engine, folder, "membership", MIGRATIONS);
        ReferenceData referenceData = new ReferenceData(storage.database(), new JsonTrees(), new MembershipChanges());
        ReferenceData.Outcome first = referenceData.loadShipped(TODAY);
        assertEquals(0, first.alreadyThereCount(), first::toString);
        assertEquals(0, referenceData.loadShipped(TODAY).createdCount());
        Directory directory = new Directory(storage.database());
        assertEquals(11, directory.countriesIn(MembershipDirectory.ASEAN_MEMBER, LocalDate.of(2026, 1, 1)).size());
        assertEquals(10, directory.countriesIn(MembershipDirectory.ASEAN_MEMBER, LocalDate.of(2024, 9, 18)).size());
        assertEquals(8, directory.countriesIn(MembershipDirectory.ADMM_PLUS_PARTNER, LocalDate.of(2024, 9, 18)).size());
        assertEquals(List.of("KH+AU"), directory.coChairsOf("ewg-cyber-security", LocalDate.of(2026, 1, 1)).stream()
                .map(cycle -> cycle.aseanCountry() + "+" + cycle.plusCountry()).toList());
    }

    /** Lists read the dated parts of all their records at once: each record must still get its own, in order, within the limit. */
    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void listsGiveEachRecordItsOwnDatedParts(String engine) throws Exception {
        loaded(engine);
        MembershipStore store = new MembershipStore(storage.database());
        storage.database().inTransaction(connection -> {
            for (String name : List.of("Trần Thị Mai", "Lê Văn Dũng", "Ōta Mai")) {
                String id = name.equals("Ōta Mai") ? "ota-mai" : name.startsWith("Tr") ? "tran-thi-mai" : "le-van-dung";
                store.insertPerson(connection, new Person(id, null, null, name, "she", List.of(
                        new Affiliation("kh-gdpfa", name + ", first post", LocalDate.of(2010, 1, 1), LocalDate.of(2015, 12, 31)),
                        new Affiliation("sg-rsis", name + ", second post", LocalDate.of(2016, 1, 1), null)), 0), TODAY);
            }
            return null;
        });
        // By lower-cased name in code-point order, the same on both engines: ō after t.
        List<Person> mai = storage.database().read(connection -> store.people(connection, "MAI", null, null, 10));
        assertEquals(List.of("tran-thi-mai", "ota-mai"), mai.stream().map(Person::id).toList());
        for (Person person : mai) {
            assertEquals(List.of(person.name() + ", first post", person.name() + ", second post"),
                    person.affiliations().stream().map(Affiliation::position).toList());
        }
        List<Person> first = storage.database().read(connection -> store.people(connection, null, null, null, 2));
        assertEquals(List.of("le-van-dung", "nem-sowathey"), first.stream().map(Person::id).toList());
        assertEquals(List.of("Lê Văn Dũng, first post", "Lê Văn Dũng, second post"),
                first.get(0).affiliations().stream().map(Affiliation::position).toList());
        assertEquals(1, first.get(1).affiliations().size());
        List<Institution> institutions = storage.database().read(connection -> store.institutions(connection, null, null, null, null, 10));
        assertEquals(List.of(1, 2, 1), institutions.stream().map(institution -> institution.names().size()).toList());
        Country timor = storage.database().read(connection -> store.countries(connection, null, null, "timor")).get(0);
        assertEquals(List.of(MembershipDirectory.ASEAN_OBSERVER, MembershipDirectory.ASEAN_MEMBER),
                timor.standings().stream().map(Standing::grouping).toList());
    }
}
