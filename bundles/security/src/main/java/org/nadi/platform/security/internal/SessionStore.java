package org.nadi.platform.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions, in memory: a restart of the runtime signs everyone out. A session is known
 * by the SHA-256 of its id, never the id itself, and ends after {@link #IDLE_TIMEOUT} without a
 * request or {@link #ABSOLUTE_TIMEOUT} after sign-in, whichever comes first.
 */
final class SessionStore {

    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);
    /** Signing in once more ends the user's oldest session: memory stays bounded whatever a client does. */
    static final int MAX_SESSIONS_PER_USER = 20;
    private static final int SESSION_ID_BYTES = 32;
    private static final int CSRF_TOKEN_BYTES = 32;

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    SessionStore() {
        this(Clock.systemUTC());
    }

    SessionStore(Clock clock) {
        this.clock = clock;
    }

    /**
     * A signed-in browser session.
     *
     * @param username  whose it is
     * @param csrfToken what its state-changing requests repeat in {@code X-CSRF-Token}
     * @param key       the SHA-256 of its id, under which it is kept
     */
    record Session(String username, String csrfToken, String key, Instant started, Instant lastSeen) {
    }

    /** A new session and its id, which only the client keeps (in its cookie). */
    record Started(String id, Session session) {
    }

    /** Starts a session for a user who just signed in. */
    Started start(String username) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        sessions.values().stream()
                .filter(session -> session.username().equals(username))
                .sorted(Comparator.comparing(Session::started).reversed())
                .skip(MAX_SESSIONS_PER_USER - 1L)
                .forEach(oldest -> sessions.remove(oldest.key()));
        String id = Secrets.random(SESSION_ID_BYTES);
        Session session = new Session(username, Secrets.random(CSRF_TOKEN_BYTES), keyOf(id), now, now);
        sessions.put(session.key(), session);
        return new Started(id, session);
    }

    /**
     * The live session with this id, which this request keeps alive; empty if there is none or
     * it has expired (and is now forgotten).
     */
    Optional<Session> find(String id) {
        String key = keyOf(id);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        Session seen = new Session(session.username(), session.csrfToken(), key, session.started(), now);
        // If it was ended meanwhile, it stays ended.
        sessions.replace(key, session, seen);
        return Optional.of(seen);
    }

    /** Ends the session with this id, if there is one. */
    void end(String id) {
        sessions.remove(keyOf(id));
    }

    /** Ends every session of a user but the one with this key (none if {@code null}). */
    void endAllOf(String username, String keepKey) {
        sessions.values().removeIf(session -> session.username().equals(username) && !session.key().equals(keepKey));
    }

    /** The key a session is kept under: the SHA-256 of its id. */
    static String keyOf(String id) {
        return Secrets.sha256(id);
    }

    private static boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(IDLE_TIMEOUT)) || !now.isBefore(session.started().plus(ABSOLUTE_TIMEOUT));
    }
}
