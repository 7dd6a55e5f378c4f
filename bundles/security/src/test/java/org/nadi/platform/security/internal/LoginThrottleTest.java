package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String username, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, ADDRESS);
        }
    }

    @Test
    void theFifthFailureForAUsernameThrottlesItForThirtySeconds() {
        fail("j.smith", 4);
        assertEquals(Optional.empty(), throttle.waitBefore("j.smith", ADDRESS), "four failures are allowed");

        fail("j.smith", 1);

        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitBefore("j.smith", ADDRESS));
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitBefore("J.Smith", "198.51.100.1"),
                "whatever the case, from any address");
        assertEquals(Optional.empty(), throttle.waitBefore("someone.else", "198.51.100.1"));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Optional.of(Duration.ofSeconds(10)), throttle.waitBefore("j.smith", ADDRESS));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), throttle.waitBefore("j.smith", ADDRESS));
    }

    @Test
    void theWaitDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        fail("j.smith", 5);
        Duration expected = Duration.ofSeconds(30);
        for (int failure = 6; failure <= 12; failure++) {
            clock.advance(throttle.waitBefore("j.smith", ADDRESS).orElseThrow());
            fail("j.smith", 1);
            expected = expected.multipliedBy(2);
            Duration capped = expected.compareTo(Duration.ofMinutes(15)) > 0 ? Duration.ofMinutes(15) : expected;
            assertEquals(Optional.of(capped), throttle.waitBefore("j.smith", ADDRESS), "after failure " + failure);
        }
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailures() {
        fail("j.smith", 4);
        throttle.succeeded("j.smith");
        fail("j.smith", 4);

        assertEquals(Optional.empty(), throttle.waitBefore("j.smith", ADDRESS));

        fail("j.smith", 1);
        throttle.succeeded("j.smith");
        assertEquals(Optional.empty(), throttle.waitBefore("j.smith", ADDRESS), "a success also lifts a wait");
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail("j.smith", 4);
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        fail("j.smith", 4);

        assertEquals(Optional.empty(), throttle.waitBefore("j.smith", ADDRESS));
    }

    @Test
    void theTwentiethFailureFromOneAddressThrottlesEveryUsernameFromIt() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("guess" + i, ADDRESS);
        }
        assertEquals(Optional.empty(), throttle.waitBefore("admin", ADDRESS));

        throttle.failed("guess19", ADDRESS);

        assertTrue(throttle.waitBefore("admin", ADDRESS).isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("admin", "198.51.100.1"), "other addresses may still sign in");
        throttle.succeeded("admin");
        assertTrue(throttle.waitBefore("admin", ADDRESS).isPresent(), "a success does not clear the address");
    }
}
