package org.nadi.platform.membership.internal;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.membership.api.Affiliation;
import org.nadi.platform.membership.api.Body;
import org.nadi.platform.membership.api.CoChairCycle;
import org.nadi.platform.membership.api.Country;
import org.nadi.platform.membership.api.Institution;
import org.nadi.platform.membership.api.InstitutionName;
import org.nadi.platform.membership.api.Membership;
import org.nadi.platform.membership.api.MembershipDirectory;
import org.nadi.platform.membership.api.Person;
import org.nadi.platform.storage.api.Database;
import org.nadi.platform.storage.api.Transaction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link MembershipDirectory} service: each answer is one read of the database. */
@Component(service = MembershipDirectory.class)
public final class Directory implements MembershipDirectory {

    private final Database database;
    private final MembershipStore store;

    @Activate
    public Directory(@Reference Database database) {
        this.database = database;
        this.store = new MembershipStore(database);
    }

    @Override
    public Optional<Country> country(String code) {
        return read(connection -> store.country(connection, code));
    }

    @Override
    public List<Country> countriesIn(String grouping, LocalDate day) {
        return read(connection -> store.countries(connection, grouping, day, null));
    }

    @Override
    public Optional<Body> body(String id) {
        return read(connection -> store.body(connection, id));
    }

    @Override
    public Optional<Institution> institution(String id) {
        return read(connection -> store.institution(connection, id));
    }

    @Override
    public Map<String, Institution> institutions(Collection<String> ids) {
        return read(connection -> store.institutions(connection, ids));
    }

    @Override
    public Optional<InstitutionName> institutionName(String institutionId, LocalDate day) {
        return institution(institutionId).flatMap(institution -> institution.nameOn(day));
    }

    @Override
    public List<Membership> membersOf(String bodyId, LocalDate day) {
        return read(connection -> store.memberships(connection, bodyId, null, day));
    }

    @Override
    public Optional<Person> person(String id) {
        return read(connection -> store.person(connection, id));
    }

    @Override
    public Map<String, Person> people(Collection<String> ids) {
        return read(connection -> store.people(connection, ids));
    }

    @Override
    public Optional<Affiliation> affiliation(String personId, LocalDate day) {
        return person(personId).flatMap(person -> person.affiliationOn(day));
    }

    @Override
    public List<CoChairCycle> coChairsOf(String bodyId, LocalDate day) {
        return read(connection -> store.coChairs(connection, bodyId, day));
    }

    private <T> T read(Transaction<T> work) {
        try {
            return database.read(work);
        } catch (SQLException failed) {
            throw new IllegalStateException("The membership directory could not be read: " + failed.getMessage(), failed);
        }
    }
}
