package org.nadi.platform.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.nadi.platform.kernel.api.AuditEntry;
import org.nadi.platform.kernel.api.AuditTrail;
import org.nadi.platform.web.api.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Accounts from the Gogo shell: {@code nadi:users} lists them, {@code nadi:passwd USERNAME}
 * gives one a new random password (for someone who forgot theirs, or an administrator locked
 * out), printed once. A refusal starts with {@code error:}. Changes go to the audit trail, made
 * by {@code console}.
 */
@Component(service = AccountCommands.class, property = {
        "osgi.command.scope=nadi",
        "osgi.command.function=users",
        "osgi.command.function=passwd" })
public final class AccountCommands {

    /** 18 random bytes: 24 URL-safe characters. */
    private static final int PASSWORD_BYTES = 18;

    private final Accounts accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public AccountCommands(@Reference Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code nadi:users}: a table of every account. */
    public String users() {
        try {
            return table(accounts.list(), accounts.tokenCounts());
        } catch (ProblemException unavailable) {
            return "error: " + unavailable.detail();
        }
    }

    /** {@code nadi:passwd USERNAME}: sets a new random password, shown once, and ends the user's sessions. */
    public String passwd(String username) {
        String password = Secrets.random(PASSWORD_BYTES);
        try {
            accounts.find(username);
            accounts.update(username, Optional.empty(), new AccountChange().passwordHash(accounts.hash(password)), null);
        } catch (ProblemException refused) {
            return "error: " + (refused.status() == 404 ? "there is no user '" + username + "'; nadi:users lists them"
                    : refused.detail());
        }
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(AuditEntry.console("security", "nadi:passwd " + username, "user", username, "", "{\"passwordChanged\":true}"));
        }
        return "New password for " + username + ": " + password + " (shown only now; their sessions have ended)";
    }

    static String table(List<Account> accounts, Map<String, Integer> tokenCounts) {
        StringBuilder out = new StringBuilder(String.format("%-24s %-14s %-24s %s%n", "USERNAME", "ROLE", "INSTITUTION", "TOKENS"));
        for (Account account : accounts) {
            out.append(String.format("%-24s %-14s %-24s %d%n", account.username(), account.role().id(),
                    account.institution().orElse("-"), tokenCounts.getOrDefault(account.username(), 0)));
        }
        return out.append(accounts.size()).append(accounts.size() == 1 ? " account" : " accounts").toString();
    }
}
