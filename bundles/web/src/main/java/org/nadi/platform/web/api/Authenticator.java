package org.nadi.platform.web.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Tells who sent a request, from the credentials it carries. The platform's accounts module
 * registers the one implementation; while none is registered, every route that needs a role
 * answers 503.
 *
 * @since 2.0
 */
@ConsumerType
public interface Authenticator {

    /**
     * The signed-in user behind the request's credentials (a session cookie or an
     * {@code Authorization: Bearer} token).
     *
     * @return empty if the request carries no credentials
     * @throws ProblemException 401 if it carries credentials that are unknown, expired or revoked
     */
    Optional<Authentication> authenticate(ApiRequest request) throws ProblemException;

    /**
     * A request's signed-in user and how they signed in.
     *
     * @param caller    the user
     * @param csrfToken for a browser session, the token every state-changing request must
     *                  repeat in its {@code X-CSRF-Token} header; empty for a bearer token
     */
    record Authentication(Caller caller, Optional<String> csrfToken) {
    }
}
