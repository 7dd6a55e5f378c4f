package org.nadi.platform.membership.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An institution of a country, such as a ministry's think tank or a defence university.
 *
 * @param id                 a stable lower-case slug, e.g. {@code kh-gdpfa}
 * @param country            the ISO code of its country
 * @param parentOrganisation e.g. "Ministry of National Defence"; {@code null} if none
 * @param names              its names, oldest first (at least one)
 * @param version            the record's version, which every change increments
 */
public record Institution(String id, String country, String parentOrganisation, List<InstitutionName> names, long version) {

    public Institution {
        names = List.copyOf(names);
    }

    /** Its name on that day: the newest name that held then, if any did. */
    public Optional<InstitutionName> nameOn(LocalDate day) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).holdsOn(day)) {
                return Optional.of(names.get(i));
            }
        }
        return Optional.empty();
    }

    /** Its newest name. */
    public InstitutionName currentName() {
        return names.get(names.size() - 1);
    }
}
