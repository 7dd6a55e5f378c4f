package org.nadi.platform.membership.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;

/**
 * The records as the REST API writes them field by field are the records as reflection writes
 * them (the audit trail's JSON), in the same order, plus what an institution and a person add
 * for the day: a record that gains a component fails here until its writer writes it too.
 */
class RecordJsonTest {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 18);

    private final JsonTrees reflected = new JsonTrees();

    private final Institution renamed = new Institution("vn-ids", "VN", null, List.of(
            new InstitutionName("Viện Chiến lược Quốc phòng", null, null, LocalDate.of(2019, 12, 31)),
            new InstitutionName("Institute for Defence Strategy", "IDS", LocalDate.of(2020, 1, 1), null)), 3);
    private final Person moved = new Person("nguyen-thi-lan", null, "Col.", "Nguyễn Thị Lan \"Lan\"", "she", List.of(
            new Affiliation("vn-ids", "Researcher", LocalDate.of(2015, 1, 1), LocalDate.of(2023, 12, 31)),
            new Affiliation("vn-ids", null, LocalDate.of(2024, 1, 1), null)), 2);

    @Test
    void recordsWithoutADayAreTheirComponents() {
        Country country = new Country("TL", "Timor-Leste", "Democratic Republic of Timor-Leste", List.of(
                new Standing("asean-observer", LocalDate.of(2022, 11, 11), LocalDate.of(2025, 10, 25)),
                new Standing("asean-member", LocalDate.of(2025, 10, 26), null)), 1);
        Body body = new Body("ewg-cyber-security", "ADMM-Plus Experts' Working Group on Cyber Security", null, "ewg", "admm-plus",
                "adsom-plus-wg", 4);
        Membership membership = new Membership(17, "kh-gdpfa", "nadi", "member", null, LocalDate.of(2030, 1, 1), 2);
        CoChairCycle cycle = new CoChairCycle(5, "ewg-cyber-security", "KH", "AU", LocalDate.of(2024, 4, 1), null, 1);
        Country none = new Country("BN", "Brunei", "Brunei Darussalam", List.of(), 1);

        assertEquals(reflected.tree(country).toString(), written(country, RecordJson::country, DAY));
        assertEquals(reflected.tree(none).toString(), written(none, RecordJson::country, DAY));
        assertEquals(reflected.tree(body).toString(), written(body, RecordJson::body, DAY));
        assertEquals(reflected.tree(membership).toString(), written(membership, RecordJson::membership, DAY));
        assertEquals(reflected.tree(cycle).toString(), written(cycle, RecordJson::coChair, DAY));
    }

    @Test
    void anInstitutionHasItsNameOfTheDayAfterItsComponents() {
        JsonObject expected = reflected.tree(renamed).getAsJsonObject();
        expected.addProperty("name", "Viện Chiến lược Quốc phòng");
        expected.add("acronym", JsonNull.INSTANCE);
        assertEquals(expected.toString(), written(renamed, RecordJson::institution, LocalDate.of(2019, 1, 1)));

        Institution later = new Institution("sg-rsis", "SG", "NTU", List.of(
                new InstitutionName("S. Rajaratnam School of International Studies", "RSIS", LocalDate.of(2007, 1, 1), null)), 1);
        assertEquals("RSIS", RecordJson.tree(later, RecordJson::institution, LocalDate.of(2000, 1, 1)).getAsJsonObject()
                .get("acronym").getAsString(), "before its first name: its newest");
    }

    @Test
    void aPersonHasTheirAffiliationOfTheDayAfterTheirComponents() {
        JsonObject expected = reflected.tree(moved).getAsJsonObject();
        expected.add("affiliation", reflected.tree(moved.affiliations().get(1)));
        assertEquals(expected.toString(), written(moved, RecordJson::person, DAY));

        expected.add("affiliation", JsonNull.INSTANCE);
        assertEquals(expected.toString(), written(moved, RecordJson::person, LocalDate.of(2000, 1, 1)));
    }

    @Test
    void aListIsItsRecordsInOrder() throws Exception {
        Person unaffiliated = new Person("someone", "Dr.", null, "Someone", "they", List.of(), 1);
        StringWriter text = new StringWriter();
        RecordJson.list(List.of(moved, unaffiliated), RecordJson::person, DAY).writeTo(new JsonWriter(text));
        assertEquals("[" + written(moved, RecordJson::person, DAY) + "," + written(unaffiliated, RecordJson::person, DAY) + "]",
                text.toString());
    }

    /** The record's JSON text, whose order and nulls the comparisons see too. */
    private static <T> String written(T record, RecordJson.View<T> view, LocalDate day) {
        return RecordJson.tree(record, view, day).toString();
    }
}
