package org.nadi.platform.web.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may call a route: every route declares it when it is added to {@link Routes}. A route
 * declared with {@code null} instead is refused to everyone (403): nothing is open by default.
 *
 * <pre>{@code
 * routes.get("/api/v1/meetings", Access.role(Role.OBSERVER), this::list);
 * routes.post("/api/v1/meetings", Access.role(Role.SECRETARIAT), this::create);
 * }</pre>
 *
 * @since 2.0 (an enum of PUBLIC and LOOPBACK before)
 */
public final class Access {

    /** Anyone, signed in or not: only for routes such as health and sign-in. */
    public static final Access ANYONE = new Access(null);

    private final Role role;

    private Access(Role role) {
        this.role = role;
    }

    /** Callers signed in with this role or one that {@linkplain Role#includes includes} it. */
    public static Access role(Role role) {
        return new Access(Objects.requireNonNull(role, "role"));
    }

    /** The role a caller needs; empty for {@link #ANYONE}. */
    public Optional<Role> requiredRole() {
        return Optional.ofNullable(role);
    }

    @Override
    public String toString() {
        return role == null ? "anyone" : role.id();
    }
}
