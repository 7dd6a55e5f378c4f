package org.nadi.platform.meetings.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;

/**
 * The membership module's directory as the meetings module's unit tests need it: a few
 * countries, bodies, institutions and people of the Siem Reap meeting, in memory, counting the
 * batch look-ups so that tests can hold a meeting's reading to one call of each. The packaged
 * runtime's tests use the real directory.
 */
final class TestDirectory implements MembershipDirectory {

    final AtomicInteger peopleCalls = new AtomicInteger();
    final AtomicInteger institutionsCalls = new AtomicInteger();

    private final Map<String, Country> countries = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final Map<String, Institution> institutions = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();

    TestDirectory() {
        for (String[] country : new String[][] {{"BN", "Brunei Darussalam"}, {"KH", "Cambodia"}, {"ID", "Indonesia"},
                {"SG", "Singapore"}, {"TH", "Thailand"}, {"AU", "Australia"}}) {
            countries.put(country[0], new Country(country[0], country[1], country[1], List.of(), 1));
        }
        bodies.put("nadi", new Body("nadi", "Track II Network of ASEAN Defence and Security Institutions", "NADI", "network", null, null, 1));
        bodies.put("admm", new Body("admm", "ASEAN Defence Ministers' Meeting", "ADMM", "ministerial", null, null, 1));
        institution("kh-gdpfa", "KH", new InstitutionName("General Department of Policy and Foreign Affairs", "GDPFA", null, null));
        institution("bn-shhbidss", "BN", new InstitutionName("Sultan Haji Hassanal Bolkiah Institute of Defence and Strategic Studies",
                "SHHBIDSS", null, null));
        institution("sg-rsis", "SG", new InstitutionName("Institute of Defence and Strategic Studies", "IDSS", null,
                LocalDate.of(2006, 12, 31)), new InstitutionName("S. Rajaratnam School of International Studies", "RSIS",
                        LocalDate.of(2007, 1, 1), null));
        institution("id-cssrd-tni", "ID", new InstitutionName("Centre for Strategic Studies and Research and Development, TNI", "CSSRD",
                null, null));
        person("nem-sowathey", "LTG", "Nem Sowathey", "she", new Affiliation("kh-gdpfa", "Director", null, LocalDate.of(2023, 12, 31)),
                new Affiliation("kh-gdpfa", "Deputy Director-General of Policy and Foreign Affairs", LocalDate.of(2024, 1, 1), null));
        person("abdul-malik-kamis", null, "Abdul Malik Kamis", "he", new Affiliation("bn-shhbidss", "Acting Director", null, null));
        person("ly-meng", "BG", "Ly Meng", "he", new Affiliation("kh-gdpfa", "Deputy Director, Department of Policy Planning", null, null));
        person("antonius-widyoutomo", "First Admiral", "Antonius Widyoutomo", "he",
                new Affiliation("id-cssrd-tni", "Director of Security Studies", null, null));
    }

    private void institution(String id, String country, InstitutionName... names) {
        institutions.put(id, new Institution(id, country, null, List.of(names), 1));
    }

    private void person(String id, String rank, String name, String pronoun, Affiliation... affiliations) {
        people.put(id, new Person(id, null, rank, name, pronoun, List.of(affiliations), 1));
    }

    @Override
    public Optional<Country> country(String code) {
        return Optional.ofNullable(countries.get(code));
    }

    @Override
    public List<Country> countriesIn(String grouping, LocalDate day) {
        return List.copyOf(countries.values());
    }

    @Override
    public Optional<Body> body(String id) {
        return Optional.ofNullable(bodies.get(id));
    }

    @Override
    public Optional<Institution> institution(String id) {
        return Optional.ofNullable(institutions.get(id));
    }

    @Override
    public Map<String, Institution> institutions(Collection<String> ids) {
        institutionsCalls.incrementAndGet();
        Map<String, Institution> found = new LinkedHashMap<>();
        ids.stream().filter(institutions::containsKey).forEach(id -> found.put(id, institutions.get(id)));
        return found;
    }

    @Override
    public Optional<InstitutionName> institutionName(String institutionId, LocalDate day) {
        return institution(institutionId).flatMap(institution -> institution.nameOn(day));
    }

    @Override
    public List<Membership> membersOf(String bodyId, LocalDate day) {
        return List.of();
    }

    @Override
    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public Map<String, Person> people(Collection<String> ids) {
        peopleCalls.incrementAndGet();
        Map<String, Person> found = new LinkedHashMap<>();
        ids.stream().filter(people::containsKey).forEach(id -> found.put(id, people.get(id)));
        return found;
    }

    @Override
    public Optional<Affiliation> affiliation(String personId, LocalDate day) {
        return person(personId).flatMap(person -> person.affiliationOn(day));
    }

    @Override
    public List<CoChairCycle> coChairsOf(String bodyId, LocalDate day) {
        return List.of();
    }
}
