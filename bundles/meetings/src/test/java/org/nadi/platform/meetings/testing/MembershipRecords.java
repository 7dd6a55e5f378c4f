package org.nadi.platform.meetings.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The membership module's shipped reference data ({@code reference-data/membership.json} in
 * the membership bundle, on the class path of every test that depends on it), looked up the
 * way a meeting document refers to it: people, institutions and countries by id or code, a
 * country by any of its names, and a person's affiliation on a day.
 */
public final class MembershipRecords {

    private static final String SHIPPED = "reference-data/membership.json";

    private final Map<String, JsonObject> people = new HashMap<>();
    private final Map<String, JsonObject> institutions = new HashMap<>();
    private final Map<String, JsonObject> countries = new HashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();

    private MembershipRecords(JsonObject data) {
        index(data, "people", "id", people);
        index(data, "institutions", "id", institutions);
        index(data, "countries", "code", countries);
        countries.forEach((code, country) -> {
            codeByName.put(comparable(country.get("shortName").getAsString()), code);
            codeByName.put(comparable(country.get("formalName").getAsString()), code);
        });
    }

    public static MembershipRecords shipped() {
        try (InputStream in = MembershipRecords.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("No " + SHIPPED + " on the class path: the membership bundle is missing");
            }
            return new MembershipRecords(JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void index(JsonObject data, String array, String key, Map<String, JsonObject> into) {
        for (JsonElement element : data.getAsJsonArray(array)) {
            into.put(element.getAsJsonObject().get(key).getAsString(), element.getAsJsonObject());
        }
    }

    /** The report writes ’ where the reference data writes '. */
    private static String comparable(String name) {
        return name.replace('’', '\'').strip();
    }

    public Optional<JsonObject> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    public Optional<JsonObject> institution(String id) {
        return Optional.ofNullable(institutions.get(id));
    }

    public Optional<JsonObject> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    /** The code of the country with this short or formal name, e.g. "Kingdom of Cambodia" → KH. */
    public Optional<String> countryCalled(String name) {
        return Optional.ofNullable(codeByName.get(comparable(name)));
    }

    /** The person's affiliation valid on the day (from and to inclusive, null open), if any. */
    public Optional<JsonObject> affiliation(String person, LocalDate on) {
        return validOn(people.get(person).getAsJsonArray("affiliations"), on);
    }

    /** The institution's name valid on the day (its names are dated like affiliations). */
    public String institutionName(String institution, LocalDate on) {
        return validOn(institutions.get(institution).getAsJsonArray("names"), on)
                .orElseThrow(() -> new IllegalArgumentException(institution + " had no name on " + on)).get("name").getAsString();
    }

    private static Optional<JsonObject> validOn(JsonArray dated, LocalDate on) {
        for (JsonElement element : dated) {
            JsonObject entry = element.getAsJsonObject();
            if (!on.isBefore(date(entry, "from", LocalDate.MIN)) && !on.isAfter(date(entry, "to", LocalDate.MAX))) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static LocalDate date(JsonObject dated, String member, LocalDate open) {
        JsonElement value = dated.get(member);
        return value == null || value.isJsonNull() ? open : LocalDate.parse(value.getAsString());
    }
}
