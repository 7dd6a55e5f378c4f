package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionCookieTest {

    @Test
    void theSessionIdIsFoundAmongOtherCookies() {
        assertEquals(Optional.of("abc"), SessionCookie.in("nadi_session=abc"));
        assertEquals(Optional.of("abc"), SessionCookie.in("theme=dark; nadi_session=abc; lang=en"));
        assertEquals(Optional.of("abc"), SessionCookie.in("theme=dark;nadi_session=abc"));
        assertEquals(Optional.of("abc"), SessionCookie.in("  nadi_session = abc  "));
        assertEquals(Optional.of("abc"), SessionCookie.in("nadi_session=\"abc\""));
        assertEquals(Optional.of("a=b"), SessionCookie.in("nadi_session=a=b"), "only the first = separates");
    }

    @Test
    void theFirstOfTwoSessionCookiesCounts() {
        assertEquals(Optional.of("first"), SessionCookie.in("nadi_session=first; nadi_session=second"));
    }

    @Test
    void noSessionCookieIsNoSessionId() {
        assertEquals(Optional.empty(), SessionCookie.in(null));
        assertEquals(Optional.empty(), SessionCookie.in(""));
        assertEquals(Optional.empty(), SessionCookie.in("theme=dark"));
        assertEquals(Optional.empty(), SessionCookie.in("nadi_session="));
        assertEquals(Optional.empty(), SessionCookie.in("nadi_session"));
        assertEquals(Optional.empty(), SessionCookie.in("old_nadi_session=abc; nadi_sessionx=abc"));
    }

    @Test
    void theCookieIsHttpOnlyStrictAndSecureOverHttps() {
        assertEquals("nadi_session=abc; Path=/; HttpOnly; SameSite=Strict", SessionCookie.set("abc", false));
        assertEquals("nadi_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure", SessionCookie.set("abc", true));
        String cleared = SessionCookie.clear(true);
        assertTrue(cleared.startsWith("nadi_session=;") && cleared.contains("Max-Age=0") && cleared.contains("Secure"), cleared);
        assertFalse(SessionCookie.clear(false).contains("Secure"));
    }
}
