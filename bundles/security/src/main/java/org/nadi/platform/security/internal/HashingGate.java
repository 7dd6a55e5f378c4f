package org.nadi.platform.security.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.nadi.platform.web.api.ProblemException;

/**
 * Caps how many passwords are hashed at once: one per two cores, at least one. A storm of
 * sign-ins then waits here instead of taking every core, and the rest of the API keeps
 * answering; a sign-in that cannot start within {@link #MAX_WAIT_SECONDS} is answered 503 with
 * {@code Retry-After: 1}.
 */
final class HashingGate {

    static final long MAX_WAIT_SECONDS = 2;

    private final Semaphore permits;

    HashingGate() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    HashingGate(int permits) {
        this.permits = new Semaphore(permits, true);
    }

    /**
     * Runs hashing work once a permit is free.
     *
     * @throws ProblemException 503 if none was free within {@link #MAX_WAIT_SECONDS}
     */
    <T> T run(Supplier<T> hashing) throws ProblemException {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "busy", "Too many sign-ins at once",
                    "The server is checking too many passwords at once just now. Try again in a second.")
                    .withHeader("Retry-After", "1");
        }
        try {
            return hashing.get();
        } finally {
            permits.release();
        }
    }
}
