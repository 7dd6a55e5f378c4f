package org.nadi.platform.membership.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.membership.api.Standing;

/**
 * What clients send (over REST, and in the reference-data file), and the checks that need no
 * database: required fields, ids, codes, dates and their order. Each check names the field it
 * refuses, e.g. {@code names[1].to}. Dates arrive as text so that a malformed one is refused with
 * its field rather than by the JSON reader.
 */
final class Inputs {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern CODE = Pattern.compile("[A-Z]{2}");
    private static final int MAX_TEXT = 300;
    private static final List<String> PRONOUNS = List.of("he", "she", "they");

    private Inputs() {
    }

    public record StandingInput(String grouping, String from, String to) {
    }

    public record CountryInput(String code, String shortName, String formalName, List<StandingInput> standings) {
    }

    public record BodyInput(String id, String name, String acronym, String kind, String parent, String reportsTo) {
    }

    public record NameInput(String name, String acronym, String from, String to) {
    }

    public record InstitutionInput(String id, String country, String parentOrganisation, List<NameInput> names) {
    }

    public record MembershipInput(String institution, String body, String role, String from, String to) {
    }

    public record AffiliationInput(String institution, String position, String from, String to) {
    }

    public record PersonInput(String id, String honorific, String rank, String name, String pronoun,
            List<AffiliationInput> affiliations) {
    }

    public record CoChairInput(String body, String aseanCountry, String plusCountry, String from, String to) {
    }

    static Country country(CountryInput input) throws RecordRefused {
        String code = code("code", input.code());
        List<Standing> standings = new ArrayList<>();
        List<StandingInput> given = input.standings() == null ? List.of() : input.standings();
        for (int i = 0; i < given.size(); i++) {
            standings.add(standing("standings[" + i + "].", given.get(i)));
        }
        return new Country(code, text("shortName", input.shortName()), text("formalName", input.formalName()), standings, 0);
    }

    /** A standing; {@code at} is where it is in the input, e.g. {@code standings[2].} */
    static Standing standing(String at, StandingInput input) throws RecordRefused {
        LocalDate from = date(at + "from", input.from());
        return new Standing(oneOf(at + "grouping", input.grouping(), MembershipDirectory.GROUPINGS), from,
                dateAfter(at + "to", input.to(), from));
    }

    static Body body(BodyInput input) throws RecordRefused {
        return new Body(slug("id", input.id()), text("name", input.name()), optionalText("acronym", input.acronym()),
                oneOf("kind", input.kind(), MembershipDirectory.BODY_KINDS), optionalSlug("parent", input.parent()),
                optionalSlug("reportsTo", input.reportsTo()), 0);
    }

    static Institution institution(InstitutionInput input) throws RecordRefused {
        List<NameInput> given = input.names() == null ? List.of() : input.names();
        if (given.isEmpty()) {
            throw RecordRefused.malformed("names", "An institution needs at least one name: send \"names\": [{\"name\": \"…\","
                    + " \"acronym\": \"…\", \"from\": null, \"to\": null}], oldest first.");
        }
        List<InstitutionName> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "names[" + i + "].";
            NameInput name = given.get(i);
            LocalDate from = date(at + "from", name.from());
            names.add(new InstitutionName(text(at + "name", name.name()), optionalText(at + "acronym", name.acronym()), from,
                    dateAfter(at + "to", name.to(), from)));
        }
        return new Institution(slug("id", input.id()), code("country", input.country()),
                optionalText("parentOrganisation", input.parentOrganisation()), names, 0);
    }

    static Membership membership(MembershipInput input) throws RecordRefused {
        LocalDate from = date("from", input.from());
        return new Membership(0, slug("institution", input.institution()), slug("body", input.body()),
                oneOf("role", input.role(), MembershipDirectory.ROLES), from, dateAfter("to", input.to(), from), 0);
    }

    static Person person(PersonInput input) throws RecordRefused {
        List<Affiliation> affiliations = new ArrayList<>();
        List<AffiliationInput> given = input.affiliations() == null ? List.of() : input.affiliations();
        for (int i = 0; i < given.size(); i++) {
            String at = "affiliations[" + i + "].";
            AffiliationInput affiliation = given.get(i);
            LocalDate from = date(at + "from", affiliation.from());
            affiliations.add(new Affiliation(slug(at + "institution", affiliation.institution()),
                    optionalText(at + "position", affiliation.position(), 500), from, dateAfter(at + "to", affiliation.to(), from)));
        }
        return new Person(slug("id", input.id()), optionalText("honorific", input.honorific()), optionalText("rank", input.rank()),
                text("name", input.name()), oneOf("pronoun", input.pronoun(), PRONOUNS), affiliations, 0);
    }

    static CoChairCycle coChair(CoChairInput input) throws RecordRefused {
        LocalDate from = date("from", input.from());
        return new CoChairCycle(0, slug("body", input.body()), code("aseanCountry", input.aseanCountry()),
                code("plusCountry", input.plusCountry()), from, dateAfter("to", input.to(), from), 0);
    }

    /**
     * A date given as a query parameter or field: ISO {@code yyyy-mm-dd}, or {@code null} if absent.
     */
    static LocalDate date(String field, String value) throws RecordRefused {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADate) {
            throw RecordRefused.malformed(field, field + " is '" + value + "'; give a date as yyyy-mm-dd, e.g. 2024-09-18.");
        }
    }

    /** An end date, which may not come before the start it ends. */
    private static LocalDate dateAfter(String field, String value, LocalDate from) throws RecordRefused {
        LocalDate to = date(field, value);
        if (to != null && from != null && to.isBefore(from)) {
            throw RecordRefused.invalid(field, field + " (" + to + ") is before its start (" + from
                    + "); the end date is the last day the fact held and cannot come before the first.");
        }
        return to;
    }

    /** An ISO 3166 alpha-2 code; lower case is accepted and written in upper case. */
    static String code(String field, String value) throws RecordRefused {
        String code = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw RecordRefused.malformed(field, field + " is " + quoted(value)
                    + "; give a country's ISO 3166 alpha-2 code, two letters such as KH or AU.");
        }
        return code;
    }

    static String slug(String field, String value) throws RecordRefused {
        if (value == null || value.length() > 100 || !SLUG.matcher(value).matches()) {
            throw RecordRefused.malformed(field, field + " is " + quoted(value)
                    + "; ids are 1 to 100 lower-case letters and digits in words joined by hyphens, e.g. kh-gdpfa.");
        }
        return value;
    }

    private static String optionalSlug(String field, String value) throws RecordRefused {
        return value == null || value.isEmpty() ? null : slug(field, value);
    }

    private static String text(String field, String value) throws RecordRefused {
        if (value == null || value.isBlank()) {
            throw RecordRefused.malformed(field, field + " is missing; send it as a non-empty text.");
        }
        return optionalText(field, value);
    }

    private static String optionalText(String field, String value) throws RecordRefused {
        return optionalText(field, value, MAX_TEXT);
    }

    private static String optionalText(String field, String value, int maxLength) throws RecordRefused {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw RecordRefused.malformed(field, field + " has " + value.length() + " characters; at most " + maxLength
                    + " are kept.");
        }
        return value.trim();
    }

    private static String oneOf(String field, String value, List<String> allowed) throws RecordRefused {
        if (value == null || !allowed.contains(value)) {
            throw RecordRefused.malformed(field, field + " is " + quoted(value) + "; give one of " + String.join(", ", allowed)
                    + ".");
        }
        return value;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
