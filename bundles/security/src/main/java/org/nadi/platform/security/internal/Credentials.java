package org.nadi.platform.security.internal;

import java.util.Optional;

import org.nadi.platform.web.api.ApiRequest;

/**
 * The credentials a request carries: an {@code Authorization} header, which wins when there is
 * one, or else the session cookie.
 *
 * @param authorization the {@code Authorization} header, e.g. {@code Bearer nadi_…}
 * @param sessionId     the {@code nadi_session} cookie's value
 */
record Credentials(Optional<String> authorization, Optional<String> sessionId) {

    private static final String BEARER = "Bearer ";

    static Credentials of(ApiRequest request) {
        Optional<String> authorization = request.header("Authorization").map(String::trim).filter(value -> !value.isEmpty());
        Optional<String> sessionId = authorization.isPresent() ? Optional.empty()
                : request.header("Cookie").flatMap(SessionCookie::in);
        return new Credentials(authorization, sessionId);
    }

    /** True if the request authenticates with the {@code Authorization} header rather than a session. */
    boolean bearer() {
        return authorization.isPresent();
    }

    /** The token of an {@code Authorization: Bearer TOKEN} header; empty for another scheme. */
    Optional<String> bearerToken() {
        return authorization
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim());
    }
}
