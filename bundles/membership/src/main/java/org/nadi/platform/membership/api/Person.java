package org.nadi.platform.membership.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A person who takes part in the network's work.
 *
 * @param id           a stable lower-case slug, e.g. {@code nem-sowathey}
 * @param honorific    e.g. "H.E. Dr."; {@code null} if none
 * @param rank         e.g. "LTG", "Col."; {@code null} if none
 * @param name         the name as reports write it
 * @param pronoun      {@code he}, {@code she} or {@code they}: how reports refer to them
 * @param affiliations where they worked over time, oldest first
 * @param version      the record's version, which every change increments
 */
public record Person(String id, String honorific, String rank, String name, String pronoun, List<Affiliation> affiliations,
        long version) {

    public Person {
        affiliations = List.copyOf(affiliations);
    }

    /** Their affiliation on that day: the newest that held then, if any did. */
    public Optional<Affiliation> affiliationOn(LocalDate day) {
        for (int i = affiliations.size() - 1; i >= 0; i--) {
            if (affiliations.get(i).holdsOn(day)) {
                return Optional.of(affiliations.get(i));
            }
        }
        return Optional.empty();
    }
}
