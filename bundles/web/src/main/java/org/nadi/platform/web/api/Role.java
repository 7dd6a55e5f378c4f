package org.nadi.platform.web.api;

import java.util.Locale;
import java.util.Optional;

/**
 * What an account may do. Roles are ordered: each includes everything the ones before it may
 * do, so a route that needs {@link #DELEGATE} admits secretariat staff and administrators too.
 *
 * @since 2.0
 */
public enum Role {
    /** Reads everything a signed-in user may see; changes nothing. */
    OBSERVER,
    /** A member institution's delegate: edits their own institution's records. */
    DELEGATE,
    /** The secretariat: edits all of the network's records. */
    SECRETARIAT,
    /** Administers the platform: accounts, modules, backups, the audit trail. */
    ADMINISTRATOR;

    /** The role's name in the API and the database: {@code observer}, {@code delegate}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True if this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role with this {@link #id()}, if there is one. */
    public static Optional<Role> fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
