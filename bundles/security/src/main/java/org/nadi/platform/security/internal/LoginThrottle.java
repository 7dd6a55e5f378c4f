package org.nadi.platform.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. Failed sign-ins are counted per username and per client
 * address over a sliding {@link #WINDOW}; from the {@link #USERNAME_LIMIT}th failure for a
 * username, or the {@link #ADDRESS_LIMIT}th from an address, the next attempts are refused
 * without checking the password for a while: {@link #FIRST_BACKOFF} at first, doubling with
 * each further failure up to {@link #MAX_BACKOFF}. The doubling starts over only once a whole
 * window passes after the last wait without a failure. A successful sign-in clears its
 * username's count (not its address's, so that one valid account does not unlock guessing at
 * others).
 *
 * <p>Kept in memory: a restart forgets the counts.
 */
final class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int USERNAME_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);
    /** Forgotten keys are swept out once more than this many are kept. */
    private static final int SWEEP_ABOVE = 10_000;
    /** Longer usernames are counted by their beginning: they are not valid anyway. */
    private static final int MAX_KEY_LENGTH = 100;

    private final Clock clock;
    private final Map<String, Failures> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long a sign-in as this username from this address must wait; empty if it may be tried now. */
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        Failures user = byUsername.get(key(username));
        if (user != null) {
            wait = user.blockedFor(now);
        }
        Failures from = byAddress.get(address);
        if (from != null) {
            Duration addressWait = from.blockedFor(now);
            wait = addressWait.compareTo(wait) > 0 ? addressWait : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed sign-in. */
    void failed(String username, String address) {
        Instant now = clock.instant();
        count(byUsername, key(username), USERNAME_LIMIT, now);
        count(byAddress, address, ADDRESS_LIMIT, now);
    }

    /** Clears the username's failures after a successful sign-in. */
    void succeeded(String username) {
        byUsername.remove(key(username));
    }

    private static void count(Map<String, Failures> counts, String key, int limit, Instant now) {
        if (counts.size() > SWEEP_ABOVE) {
            counts.entrySet().removeIf(entry -> entry.getValue().forgotten(now));
        }
        counts.computeIfAbsent(key, any -> new Failures()).add(now, limit);
    }

    private static String key(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    /** The recent failures of one username or address. */
    private static final class Failures {

        /** The latest failures, at most as many as the limit: enough to tell whether the window holds that many. */
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant blockedUntil = Instant.MIN;
        /** How many waits were imposed since the last quiet window; each doubles the next. */
        private int waits;

        synchronized void add(Instant now, int limit) {
            if (quietSince(now)) {
                times.clear();
                waits = 0;
            }
            Instant windowStart = now.minus(WINDOW);
            while (!times.isEmpty() && !times.peekFirst().isAfter(windowStart)) {
                times.removeFirst();
            }
            times.addLast(now);
            if (times.size() > limit) {
                times.removeFirst();
            }
            if (times.size() == limit || waits > 0) {
                Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(waits, 20));
                blockedUntil = now.plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
                waits++;
            }
        }

        synchronized Duration blockedFor(Instant now) {
            return now.isBefore(blockedUntil) ? Duration.between(now, blockedUntil) : Duration.ZERO;
        }

        synchronized boolean forgotten(Instant now) {
            return quietSince(now);
        }

        /** True once a whole window has passed since the last failure and the last wait, which starts the count over. */
        private boolean quietSince(Instant now) {
            Instant last = times.isEmpty() ? Instant.MIN : times.peekLast();
            Instant end = last.isAfter(blockedUntil) ? last : blockedUntil;
            return now.isAfter(end.plus(WINDOW));
        }
    }
}
