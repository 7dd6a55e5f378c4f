package org.nadi.platform.security.internal;

import java.util.Optional;

/**
 * The {@code nadi_session} cookie: read from a request's {@code Cookie} header, and the
 * {@code Set-Cookie} values that set and clear it. The cookie is {@code HttpOnly} (scripts
 * cannot read it), {@code SameSite=Strict} (other sites' pages cannot send it) and, over HTTPS,
 * {@code Secure}. It has no expiry of its own: the browser forgets it when it closes, and the
 * server ends the session after the {@linkplain SessionStore timeouts}.
 */
final class SessionCookie {

    static final String NAME = "nadi_session";

    private SessionCookie() {
    }

    /**
     * The value of the session cookie in a {@code Cookie} header ({@code a=1; nadi_session=XYZ}),
     * if it has one with a value. Where the header names it more than once, the first counts, as
     * browsers send the most specific cookie first.
     */
    static Optional<String> in(String cookieHeader) {
        if (cookieHeader == null) {
            return Optional.empty();
        }
        for (String pair : cookieHeader.split(";")) {
            int equals = pair.indexOf('=');
            if (equals < 0 || !pair.substring(0, equals).trim().equals(NAME)) {
                continue;
            }
            String value = pair.substring(equals + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }

    /** The {@code Set-Cookie} value that gives the client its session id. */
    static String set(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that makes the client forget the cookie. */
    static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
