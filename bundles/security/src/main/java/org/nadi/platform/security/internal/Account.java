package org.nadi.platform.security.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.Role;

/**
 * One row of {@code security_users}.
 *
 * @param id           the row's id, which optimistic updates match
 * @param username     the name the user signs in with; never changes
 * @param passwordHash the stored {@link PasswordHash}
 * @param version      incremented by every change, sent to clients as the ETag
 */
record Account(long id, String username, String passwordHash, Role role, Optional<String> institution, long version,
        String createdAt, String updatedAt) {

    /** The account as the REST API's routes see the user. */
    Caller caller() {
        return new Caller(username, role, institution);
    }

    /** The account as the audit trail records it: never its password hash. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("role", role.id());
        summary.put("institution", institution.orElse(null));
        return summary;
    }

    /** Leaves out the password hash, which has no place in a log. */
    @Override
    public String toString() {
        return "Account[" + username + ", " + role.id() + institution.map(id -> ", " + id).orElse("") + ", version " + version + "]";
    }

    /** The summary after a change that set a new password. */
    Map<String, Object> summaryWithNewPassword() {
        Map<String, Object> summary = summary();
        summary.put("passwordChanged", true);
        return summary;
    }
}
