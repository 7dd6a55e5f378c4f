package org.nadi.platform.meetings.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nadi.platform.meetings.api.Meeting;
import org.nadi.platform.meetings.api.Participant;
import org.nadi.platform.meetings.api.ProceedingItem;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;

/**
 * The references a change makes into the membership directory (bodies, countries, institutions,
 * people), gathered and then checked together: one {@code people(ids)} and one
 * {@code institutions(ids)} call for all of them, one lookup per distinct country and body.
 * The first one missing is refused naming its field; an institution must also be of the
 * country the same record names. Checked before the transaction that writes, since the
 * directory answers from a read of its own.
 */
final class References {

    private record Reference(String field, String id, String country) {
    }

    private final MembershipDirectory directory;
    private final List<Reference> bodies = new ArrayList<>();
    private final List<Reference> countries = new ArrayList<>();
    private final List<Reference> institutions = new ArrayList<>();
    private final List<Reference> people = new ArrayList<>();

    References(MembershipDirectory directory) {
        this.directory = directory;
    }

    /** The header's body, host country, organiser and chair. */
    References header(Header header) {
        body("body", header.body());
        country("hostCountry", header.hostCountry());
        institution("organiser", header.organiser(), null);
        return person("chair", header.chair());
    }

    /** A participant: its country, and its institution (of that country) and person if given. */
    References participant(String at, Participant participant) {
        country(at + "country", participant.country());
        institution(at + "institution", participant.institution(), participant.country());
        return person(at + "person", participant.person());
    }

    /** A proceeding item's speaker, country and institution (of that country, if both are given). */
    References proceeding(String at, ProceedingItem item) {
        person(at + "speaker", item.speaker());
        country(at + "country", item.country());
        return institution(at + "institution", item.institution(), item.country());
    }

    /** Every reference of a whole document. */
    References document(Meeting meeting) {
        header(Header.of(meeting));
        for (int i = 0; i < meeting.participants().size(); i++) {
            participant("participants[" + i + "].", meeting.participants().get(i));
        }
        for (int i = 0; i < meeting.proceedings().size(); i++) {
            proceeding("proceedings[" + i + "].", meeting.proceedings().get(i));
        }
        return this;
    }

    References body(String field, String id) {
        return add(bodies, field, id, null);
    }

    References country(String field, String code) {
        return add(countries, field, code, null);
    }

    /** An institution, which must be of {@code country} if that is not null. */
    References institution(String field, String id, String country) {
        return add(institutions, field, id, country);
    }

    References person(String field, String id) {
        return add(people, field, id, null);
    }

    private References add(List<Reference> references, String field, String id, String country) {
        if (id != null) {
            references.add(new Reference(field, id, country));
        }
        return this;
    }

    /**
     * Checks every reference gathered.
     *
     * @throws Refused 422 naming the field of the first one the directory does not know
     */
    void verify() throws Refused {
        for (String id : distinct(bodies)) {
            if (directory.body(id).isEmpty()) {
                throw unknown(first(bodies, id), "body", "bodies");
            }
        }
        for (String code : distinct(countries)) {
            if (directory.country(code).isEmpty()) {
                throw unknown(first(countries, code), "country", "countries");
            }
        }
        if (!institutions.isEmpty()) {
            Map<String, Institution> found = directory.institutions(distinct(institutions));
            for (Reference reference : institutions) {
                Institution institution = found.get(reference.id());
                if (institution == null) {
                    throw unknown(reference, "institution", "institutions");
                }
                if (reference.country() != null && !institution.country().equals(reference.country())) {
                    throw Refused.invalid(reference.field(), reference.field() + " is '" + reference.id() + "', an institution of "
                            + institution.country() + ", not of " + reference.country() + " as the same entry says.");
                }
            }
        }
        if (!people.isEmpty()) {
            Map<String, Person> found = directory.people(distinct(people));
            for (Reference reference : people) {
                if (!found.containsKey(reference.id())) {
                    throw unknown(reference, "person", "people");
                }
            }
        }
    }

    private static Set<String> distinct(List<Reference> references) {
        Set<String> ids = new LinkedHashSet<>();
        references.forEach(reference -> ids.add(reference.id()));
        return ids;
    }

    private static Reference first(List<Reference> references, String id) {
        return references.stream().filter(reference -> reference.id().equals(id)).findFirst().orElseThrow();
    }

    private static Refused unknown(Reference reference, String kind, String list) {
        return Refused.unknown(reference.field(), reference.field() + " is '" + reference.id() + "', which is no " + kind
                + " of the membership directory; see GET /api/v1/membership/" + list + ", or add it there first.");
    }

    /** The directory's people and institutions a meeting's participants name, in one call each. */
    static Named named(MembershipDirectory directory, Meeting meeting) {
        Set<String> personIds = new LinkedHashSet<>();
        Set<String> institutionIds = new LinkedHashSet<>();
        for (Participant participant : meeting.participants()) {
            if (participant.person() != null) {
                personIds.add(participant.person());
            }
            if (participant.institution() != null) {
                institutionIds.add(participant.institution());
            }
        }
        Map<String, Person> persons = personIds.isEmpty() ? Map.of() : directory.people(personIds);
        Map<String, Institution> found = new LinkedHashMap<>();
        // The institution a participant without one given worked at on the day is named too.
        for (Person person : persons.values()) {
            person.affiliationOn(meeting.from()).ifPresent(affiliation -> institutionIds.add(affiliation.institution()));
        }
        if (!institutionIds.isEmpty()) {
            found.putAll(directory.institutions(institutionIds));
        }
        return new Named(persons, found);
    }

    /** People and institutions by id, as the directory answered. */
    record Named(Map<String, Person> people, Map<String, Institution> institutions) {
    }
}
