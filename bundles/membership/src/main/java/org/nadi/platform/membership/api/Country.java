package org.nadi.platform.membership.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A country.
 *
 * @param code       its ISO 3166 alpha-2 code, e.g. {@code KH}
 * @param shortName  e.g. "Cambodia"
 * @param formalName e.g. "Kingdom of Cambodia"
 * @param standings  its standing in groupings over time
 * @param version    the record's version, which every change increments
 */
public record Country(String code, String shortName, String formalName, List<Standing> standings, long version) {

    public Country {
        standings = List.copyOf(standings);
    }

    /** True if the country stood in the grouping on that day. */
    public boolean standsIn(String grouping, LocalDate day) {
        return standings.stream().anyMatch(standing -> standing.grouping().equals(grouping) && standing.holdsOn(day));
    }
}
