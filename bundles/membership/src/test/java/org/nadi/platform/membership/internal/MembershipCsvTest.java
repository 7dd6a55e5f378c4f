package org.nadi.platform.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.storage.internal.TestStorage;

/** Export and import of the CSV tables over a real database holding the small test file. */
@Timeout(120)
class MembershipCsvTest {

    private static final String PEOPLE_HEADER = "id,honorific,rank,name,pronoun,institution,position,from,to\n";

    @TempDir
    Path folder;
    private TestStorage storage;
    private MembershipCsv csv;

    private void open(String engine) throws Exception {
        storage = TestStorage.open(engine, folder, "membership", DirectoryTest.MIGRATIONS);
        try (InputStream in = MembershipCsvTest.class.getResourceAsStream("/reference-data/small.json")) {
            new ReferenceData(storage.database(), new JsonTrees(), new MembershipChanges()).load(in, DirectoryTest.TODAY);
        }
        csv = new MembershipCsv(storage.database());
    }

    @AfterEach
    void stop() {
        if (storage != null) {
            storage.close();
        }
    }

    private <T> String exported(MembershipCsv.Table<T> table, LocalDate day) throws Exception {
        StringWriter out = new StringWriter();
        csv.export(table, out, day);
        return out.toString();
    }

    private <T> MembershipCsv.Imported imported(MembershipCsv.Table<T> table, String text) throws Exception {
        return csv.load(table, Csv.read(new StringReader(text)), DirectoryTest.TODAY);
    }

    private List<Person> people() throws Exception {
        return storage.database().read(csv.people()::all);
    }

    private List<Institution> institutions() throws Exception {
        return storage.database().read(csv.institutions()::all);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void anInstitutionIsOneRowPerNameAndAnExportImportedAgainChangesNothing(String engine) throws Exception {
        open(engine);
        String institutions = exported(csv.institutions(), null);
        assertTrue(institutions.startsWith("\uFEFFid,country,parentOrganisation,name,acronym,from,to\r\n"), institutions);
        assertTrue(institutions.contains("sg-rsis,SG,Nanyang Technological University,Institute of Defence and Strategic Studies,IDSS,,2006-12-31\r\n"
                + "sg-rsis,SG,Nanyang Technological University,S. Rajaratnam School of International Studies,RSIS,2007-01-01,\r\n"),
                institutions);
        List<Institution> before = institutions();
        MembershipCsv.Imported again = imported(csv.institutions(), institutions);
        assertEquals(List.of(), again.errors());
        assertEquals(List.of(), again.created());
        assertEquals(List.of(), again.updated());
        assertEquals(3, again.unchanged());
        assertEquals(before, institutions());

        String people = exported(csv.people(), null);
        assertTrue(people.contains("nem-sowathey,,LTG,Nem Sowathey,she,kh-gdpfa,Deputy Director-General,2024-09-18,\r\n"), people);
        assertEquals(1, imported(csv.people(), people).unchanged());
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aFileWithOneBadRowChangesNothingAndEveryErrorNamesItsLineAndColumn(String engine) throws Exception {
        open(engine);
        List<Person> before = people();
        MembershipCsv.Imported refused = imported(csv.people(), PEOPLE_HEADER
                + "nguyen-thi-lan,,,\"Nguyễn Thị Lan\",she,kh-gdpfa,Researcher,2020-01-01,2022-12-31\n"
                + "nguyen-thi-lan,,,\"Nguyễn Thị Lan\",she,sg-rsis,\"Fellow, Asia\",2023-01-01,\n"
                + "nem-sowathey,,LTG,Nem Sowathey,she,kh-gdpfa,Director-General,2024-09-18,\n"
                + "ly-meng,,,Ly Meng,he,zz-nowhere,Deputy Director,2024-09-18,\n"
                + "\n"
                + "sok-dara,,,Sok Dara,he,kh-gdpfa,,2024-09-18,2024-01-01\n"
                + "nem-sowathey-2,,,Nem Sowathey,she,kh-gdpfa,,2025-01-01,\n");
        assertEquals(List.of(new Line(5, "institution"), new Line(7, "to"), new Line(8, "name")),
                lines(refused), refused.errors()::toString);
        assertTrue(refused.errors().get(1).message().startsWith("to (2024-01-01) is before its start"), refused.errors()::toString);
        assertEquals(List.of(), refused.created());
        assertEquals(before, people(), "the good rows were not applied either");
    }

    private record Line(int line, String field) {
    }

    private static List<Line> lines(MembershipCsv.Imported imported) {
        return imported.errors().stream().map(error -> new Line(error.line(), error.field())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE, TestStorage.POSTGRESQL})
    void aGoodFileCreatesAndReplacesInOneGo(String engine) throws Exception {
        open(engine);
        MembershipCsv.Imported done = imported(csv.people(), PEOPLE_HEADER
                + "nguyen-thi-lan,,,Nguyễn Thị Lan,she,kh-gdpfa,Researcher,2020-01-01,2022-12-31\r\n"
                + "nguyen-thi-lan,,,Nguyễn Thị Lan,she,sg-rsis,\"Fellow, \"\"Asia\"\"\",2023-01-01,\r\n"
                + "nem-sowathey,,LTG,Nem Sowathey,she,kh-gdpfa,Director-General,2024-09-18,\r\n"
                + "'=cmd,,,'=cmd,they,,,,\r\n");
        assertEquals(List.of(new Line(5, "id")), lines(done), "an id is a slug: the formula, unguarded, is refused");
        done = imported(csv.people(), PEOPLE_HEADER
                + "nguyen-thi-lan,,,Nguyễn Thị Lan,she,kh-gdpfa,Researcher,2020-01-01,2022-12-31\r\n"
                + "nguyen-thi-lan,,,Nguyễn Thị Lan,she,sg-rsis,\"Fellow, \"\"Asia\"\"\",2023-01-01,\r\n"
                + "nem-sowathey,,LTG,Nem Sowathey,she,kh-gdpfa,Director-General,2024-09-18,\r\n"
                + "no-one,,,'=cmd,they,,,,\r\n");
        assertEquals(List.of(), done.errors());
        assertEquals(List.of("nguyen-thi-lan", "no-one"), done.created());
        assertEquals(List.of("nem-sowathey"), done.updated());
        Person lan = storage.database().read(connection -> new MembershipStore(storage.database()).person(connection, "nguyen-thi-lan"))
                .orElseThrow();
        assertEquals("Nguyễn Thị Lan", lan.name());
        assertEquals("Fellow, \"Asia\"", lan.affiliations().get(1).position());
        String exported = exported(csv.people(), null);
        assertTrue(exported.contains("no-one,,,'=cmd,they,,,,\r\n"), exported);
        assertEquals(3, imported(csv.people(), exported).unchanged());
        assertTrue(exported(csv.people(), LocalDate.of(2021, 6, 1)).contains("nguyen-thi-lan"));
        assertFalse(exported(csv.people(), LocalDate.of(2021, 6, 1)).contains("nem-sowathey"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestStorage.SQLITE})
    void aHeaderWithoutAColumnAndRowsThatDisagreeOnTheirPersonAreRefused(String engine) throws Exception {
        open(engine);
        MembershipCsv.Imported missing = imported(csv.people(), "id,name,pronoun,extra\nx,X,he,1\n");
        assertEquals(List.of(new Line(1, "extra"), new Line(1, "honorific"), new Line(1, "rank"), new Line(1, "institution"),
                new Line(1, "position"), new Line(1, "from"), new Line(1, "to")),
                lines(missing));
        MembershipCsv.Imported disagreeing = imported(csv.people(), PEOPLE_HEADER
                + "a-b,,,A B,he,kh-gdpfa,,2020-01-01,2020-12-31\n"
                + "a-b,,,A B,she,sg-rsis,,2021-01-01,\n"
                + "c-d,,,C D,he,kh-gdpfa\n");
        assertEquals(List.of(new Line(3, "pronoun"), new Line(4, null)),
                lines(disagreeing));
        MembershipCsv.Imported unknownCountry = imported(csv.institutions(), "id,country,parentOrganisation,name,acronym,from,to\n"
                + "zz-x,ZZ,,Nowhere,,,\n");
        assertEquals(List.of(new Line(2, "country")),
                lines(unknownCountry));
    }
}
