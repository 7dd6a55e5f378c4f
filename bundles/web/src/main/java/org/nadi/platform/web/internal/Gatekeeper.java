package org.nadi.platform.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import org.nadi.platform.web.api.Access;
import org.nadi.platform.web.api.Authenticator;
import org.nadi.platform.web.api.Caller;
import org.nadi.platform.web.api.ProblemException;
import org.nadi.platform.web.api.Role;

/**
 * The one place that decides whether a request may reach what it asks for, for the REST routes,
 * the event streams and the static folders alike: 403 if no access rule was declared, 401
 * without valid credentials, 403 for a role too low or a browser session's state-changing
 * request without its CSRF token.
 */
final class Gatekeeper {

    /** The header a browser session repeats its CSRF token in on every state-changing request. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private Gatekeeper() {
    }

    /**
     * Admits the request or throws the refusal. A 401 refusal carries {@code WWW-Authenticate}.
     *
     * @param module the module that declared the rule, named in the refusal of a missing rule
     * @return the signed-in caller, also recorded on the request; empty for a route open to anyone
     */
    static Optional<Caller> admit(Authenticator accounts, Access access, String module, ServletApiRequest request)
            throws ProblemException {
        if (access == null) {
            throw ProblemException.forbidden("This route declares no access rule, so nobody may call it. Module '"
                    + module + "' must declare the role it needs.");
        }
        Optional<Role> needed = access.requiredRole();
        if (needed.isEmpty()) {
            return Optional.empty();
        }
        if (accounts == null) {
            throw new ProblemException(503, "accounts-unavailable", "Accounts unavailable",
                    "Sign-in is not available just now, so routes that need a role cannot be served. Try again shortly.");
        }
        Optional<Authenticator.Authentication> authentication;
        try {
            authentication = accounts.authenticate(request);
        } catch (ProblemException refused) {
            throw refused.withHeader("WWW-Authenticate", "Bearer");
        }
        if (authentication.isEmpty()) {
            throw ProblemException.unauthorized("Sign in first: POST /api/v1/auth/login with your username and password,"
                    + " or send a token in an 'Authorization: Bearer TOKEN' header.").withHeader("WWW-Authenticate", "Bearer");
        }
        Caller caller = authentication.get().caller();
        if (!caller.role().includes(needed.get())) {
            throw ProblemException.forbidden("This needs the role " + needed.get().id() + " or higher; you are signed in as '"
                    + caller.username() + "' with the role " + caller.role().id() + ".");
        }
        Optional<String> csrfToken = authentication.get().csrfToken();
        if (csrfToken.isPresent() && CHANGING_METHODS.contains(request.method()) && !sameToken(csrfToken.get(), request)) {
            throw new ProblemException(403, "csrf-token-invalid", "CSRF token missing or wrong",
                    "A signed-in browser session must send the csrfToken it received at sign-in in the " + CSRF_HEADER
                            + " header of every request that changes something.");
        }
        request.signedIn(caller);
        return Optional.of(caller);
    }

    private static boolean sameToken(String expected, ServletApiRequest request) {
        Optional<String> sent = request.header(CSRF_HEADER);
        return sent.isPresent() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.get().getBytes(StandardCharsets.UTF_8));
    }
}
