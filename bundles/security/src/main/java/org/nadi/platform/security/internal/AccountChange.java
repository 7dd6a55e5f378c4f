package org.nadi.platform.security.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.web.api.Role;

/** What a change to an account sets; whatever it does not name stays as it is. */
final class AccountChange {

    private final Map<String, Object> columns = new HashMap<>();

    AccountChange role(Role role) {
        columns.put("role", role.id());
        return this;
    }

    /** Sets the institution, or clears it with an empty one. */
    AccountChange institution(Optional<String> institution) {
        columns.put("institution", institution.orElse(null));
        return this;
    }

    /** Sets the password, hashed by {@link Accounts#hash}. */
    AccountChange passwordHash(String hash) {
        columns.put("password_hash", hash);
        return this;
    }

    boolean setsPassword() {
        return columns.containsKey("password_hash");
    }

    /** The columns of {@code security_users} to set, with {@code updated_at}. */
    Map<String, Object> columns(String now) {
        Map<String, Object> all = new HashMap<>(columns);
        all.put("updated_at", now);
        return all;
    }
}
