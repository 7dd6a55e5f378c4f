package org.nadi.platform.web.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user a request comes from.
 *
 * @param username    the account's name
 * @param role        the account's role
 * @param institution the id of the institution the account belongs to, if any
 * @since 2.0
 */
public record Caller(String username, Role role, Optional<String> institution) {

    public Caller {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(institution, "institution");
    }

    /**
     * True if this caller may change a record that belongs to the given institution: the
     * secretariat and administrators may change every record, a delegate only their own
     * institution's, an observer none.
     *
     * @param institutionId the institution the record belongs to; {@code null} for none, which
     *                      only the secretariat and administrators may change
     */
    public boolean mayEditFor(String institutionId) {
        if (role.includes(Role.SECRETARIAT)) {
            return true;
        }
        return role == Role.DELEGATE && institutionId != null && institution.isPresent() && institution.get().equals(institutionId);
    }

    /**
     * The per-institution rule for a route handler: returns if {@link #mayEditFor} the
     * institution, otherwise refuses the request.
     *
     * @throws ProblemException 403 saying whose records this caller may change
     */
    public void requireEditFor(String institutionId) throws ProblemException {
        if (mayEditFor(institutionId)) {
            return;
        }
        String yours = role == Role.DELEGATE
                ? institution.map(id -> "your institution's ('" + id + "')").orElse("no institution's: your account has none")
                : "none: your role is " + role.id();
        String whose = institutionId == null ? "This record belongs to no institution." : "This record belongs to institution '"
                + institutionId + "'.";
        throw ProblemException.forbidden(whose + " You may change " + yours + " records; the secretariat can change this one.");
    }
}
