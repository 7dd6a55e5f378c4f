package org.nadi.platform.membership.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;
import org.nadi.platform.web.api.ApiResponse.JsonBody;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

/**
 * The directory's records as the REST API answers them, written field by field: the record's
 * components in order, as {@link JsonTrees} writes them by reflection for the audit trail, and
 * for an institution or a person what held on the day. A list of 800 records spent most of its
 * time in reflection and the JSON trees it built (bench/membership-queries.sh); written
 * directly, it streams. {@code RecordJsonTest} checks that both agree.
 */
final class RecordJson {

    private RecordJson() {
    }

    /** How one kind of record is written as of a day (today if null). */
    @FunctionalInterface
    interface View<T> {
        void write(JsonWriter json, T record, LocalDate day) throws IOException;
    }

    /** A list of records, each as of the day (today if null). */
    static <T> JsonBody list(List<T> records, View<T> view, LocalDate day) {
        return json -> {
            json.beginArray();
            for (T record : records) {
                view.write(json, record, day);
            }
            json.endArray();
        };
    }

    /** One record as of the day (today if null), as a tree: small, and its handlers' tests read it as one. */
    static <T> JsonElement tree(T record, View<T> view, LocalDate day) {
        StringWriter text = new StringWriter();
        try {
            view.write(new JsonWriter(text), record, day);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return JsonParser.parseString(text.toString());
    }

    static void country(JsonWriter json, Country country, LocalDate day) throws IOException {
        json.beginObject()
                .name("code").value(country.code())
                .name("shortName").value(country.shortName())
                .name("formalName").value(country.formalName())
                .name("standings").beginArray();
        for (Standing standing : country.standings()) {
            json.beginObject().name("grouping").value(standing.grouping());
            period(json, standing.from(), standing.to()).endObject();
        }
        json.endArray().name("version").value(country.version()).endObject();
    }

    static void body(JsonWriter json, Body body, LocalDate day) throws IOException {
        json.beginObject()
                .name("id").value(body.id())
                .name("name").value(body.name())
                .name("acronym").value(body.acronym())
                .name("kind").value(body.kind())
                .name("parent").value(body.parent())
                .name("reportsTo").value(body.reportsTo())
                .name("version").value(body.version())
                .endObject();
    }

    /** An institution with, next to its name history, its {@code name} and {@code acronym} on the day (its newest if none held). */
    static void institution(JsonWriter json, Institution institution, LocalDate day) throws IOException {
        json.beginObject()
                .name("id").value(institution.id())
                .name("country").value(institution.country())
                .name("parentOrganisation").value(institution.parentOrganisation())
                .name("names").beginArray();
        for (InstitutionName name : institution.names()) {
            json.beginObject().name("name").value(name.name()).name("acronym").value(name.acronym());
            period(json, name.from(), name.to()).endObject();
        }
        InstitutionName then = institution.nameOn(orToday(day)).orElse(institution.currentName());
        json.endArray()
                .name("version").value(institution.version())
                .name("name").value(then.name())
                .name("acronym").value(then.acronym())
                .endObject();
    }

    /** A person with, next to their history, their {@code affiliation} on the day, or null. */
    static void person(JsonWriter json, Person person, LocalDate day) throws IOException {
        json.beginObject()
                .name("id").value(person.id())
                .name("honorific").value(person.honorific())
                .name("rank").value(person.rank())
                .name("name").value(person.name())
                .name("pronoun").value(person.pronoun())
                .name("affiliations").beginArray();
        for (Affiliation affiliation : person.affiliations()) {
            affiliation(json, affiliation);
        }
        json.endArray().name("version").value(person.version()).name("affiliation");
        Affiliation then = person.affiliationOn(orToday(day)).orElse(null);
        if (then == null) {
            json.nullValue();
        } else {
            affiliation(json, then);
        }
        json.endObject();
    }

    private static void affiliation(JsonWriter json, Affiliation affiliation) throws IOException {
        json.beginObject().name("institution").value(affiliation.institution()).name("position").value(affiliation.position());
        period(json, affiliation.from(), affiliation.to()).endObject();
    }

    static void membership(JsonWriter json, Membership membership, LocalDate day) throws IOException {
        json.beginObject()
                .name("id").value(membership.id())
                .name("institution").value(membership.institution())
                .name("body").value(membership.body())
                .name("role").value(membership.role());
        period(json, membership.from(), membership.to()).name("version").value(membership.version()).endObject();
    }

    static void coChair(JsonWriter json, CoChairCycle cycle, LocalDate day) throws IOException {
        json.beginObject()
                .name("id").value(cycle.id())
                .name("body").value(cycle.body())
                .name("aseanCountry").value(cycle.aseanCountry())
                .name("plusCountry").value(cycle.plusCountry());
        period(json, cycle.from(), cycle.to()).name("version").value(cycle.version()).endObject();
    }

    /** {@code from} and {@code to} as {@code yyyy-mm-dd}, or null. */
    private static JsonWriter period(JsonWriter json, LocalDate from, LocalDate to) throws IOException {
        return json.name("from").value(from == null ? null : from.toString()).name("to").value(to == null ? null : to.toString());
    }

    private static LocalDate orToday(LocalDate day) {
        return day == null ? LocalDate.now() : day;
    }
}
