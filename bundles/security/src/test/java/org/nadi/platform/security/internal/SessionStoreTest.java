package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final TestClock clock = new TestClock();
    private final SessionStore sessions = new SessionStore(clock);

    @Test
    void aSessionIsFoundByItsIdButKeptUnderItsHash() {
        SessionStore.Started started = sessions.start("j.smith");

        assertTrue(started.id().matches("[A-Za-z0-9_-]{43}"), "256 bits in base64url: " + started.id());
        assertEquals(Secrets.sha256(started.id()), started.session().key());
        assertNotEquals(started.id(), started.session().key());
        assertEquals("j.smith", sessions.find(started.id()).orElseThrow().username());
        assertTrue(sessions.find(started.session().key()).isEmpty(), "the key is no id");
        assertNotEquals(started.id(), sessions.start("j.smith").id());
    }

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequest() {
        String id = sessions.start("j.smith").id();

        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(id).isPresent());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(id).isPresent(), "the request before kept it alive");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.find(id).isEmpty());
        clock.advance(Duration.ofMinutes(-29));
        assertTrue(sessions.find(id).isEmpty(), "an ended session stays ended");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInWhateverItsRequests() {
        String id = sessions.start("j.smith").id();

        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.find(id).isPresent(), "after " + minutes + " minutes");
        }
        clock.advance(Duration.ofMinutes(20));

        assertTrue(sessions.find(id).isEmpty());
    }

    @Test
    void endingAUsersSessionsCanSpareTheOneTheChangeCameFrom() {
        SessionStore.Started current = sessions.start("j.smith");
        String other = sessions.start("j.smith").id();
        String someoneElse = sessions.start("a.tan").id();

        sessions.endAllOf("j.smith", current.session().key());

        assertTrue(sessions.find(current.id()).isPresent());
        assertTrue(sessions.find(other).isEmpty());
        assertTrue(sessions.find(someoneElse).isPresent());
        sessions.endAllOf("j.smith", null);
        assertTrue(sessions.find(current.id()).isEmpty());
    }

    @Test
    void signingInOnceTooOftenEndsTheOldestSession() {
        String oldest = sessions.start("j.smith").id();
        clock.advance(Duration.ofSeconds(1));
        String second = sessions.start("j.smith").id();
        for (int i = 2; i < SessionStore.MAX_SESSIONS_PER_USER; i++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.start("j.smith");
        }
        assertTrue(sessions.find(oldest).isPresent());

        clock.advance(Duration.ofSeconds(1));
        sessions.start("j.smith");

        assertTrue(sessions.find(oldest).isEmpty());
        assertTrue(sessions.find(second).isPresent());
    }
}
