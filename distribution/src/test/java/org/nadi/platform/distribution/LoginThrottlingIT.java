package org.nadi.platform.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guessing passwords is slowed down per account and per address, and a storm of sign-ins
 * cannot starve other requests. Each test has a runtime of its own, since throttling an
 * address shuts this machine's loopback out of signing in.
 */
@Timeout(180)
class LoginThrottlingIT {

    private static HttpAnswer login(NadiRuntime runtime, String username, String password) {
        return runtime.anonymous().postJson("/api/v1/auth/login",
                "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
    }

    private static int retryAfter(HttpAnswer throttled) {
        String header = throttled.header("Retry-After");
        assertTrue(header != null && header.matches("\\d+") && Integer.parseInt(header) > 0, throttled::toString);
        return Integer.parseInt(header);
    }

    @Test
    void fiveWrongPasswordsForOneAccountThrottleItButNotOthers() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("throttle-account").start()) {
            Accounts.create(runtime, "targeted", "observer", null);
            Accounts.create(runtime, "bystander", "observer", null);
            for (int attempt = 1; attempt <= 5; attempt++) {
                login(runtime, "targeted", "guess-number-" + attempt).assertProblem(401);
            }

            HttpAnswer throttled = login(runtime, "targeted", Accounts.passwordOf("targeted")).assertProblem(429);
            int first = retryAfter(throttled);
            HttpAnswer again = login(runtime, "targeted", "guess-number-6").assertProblem(429);
            assertTrue(retryAfter(again) >= first - 1, again::toString);
            // Another account from the same address signs in as usual.
            login(runtime, "bystander", Accounts.passwordOf("bystander")).assertJson(200);
        }
    }

    @Test
    void twentyFailuresFromOneAddressThrottleThatAddress() throws IOException {
        try (NadiRuntime runtime = NadiRuntime.options().label("throttle-address").start()) {
            // Four guesses each at five accounts: no account reaches its own limit.
            for (int failure = 0; failure < 20; failure++) {
                login(runtime, "someone-" + (failure % 5), "guess-" + failure).assertProblem(401);
            }
            HttpAnswer throttled = login(runtime, NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD).assertProblem(429);
            retryAfter(throttled);
            // Requests that do not sign in are not throttled.
            runtime.anonymous().get("/api/v1/health").assertJson(200);
        }
    }

    @Test
    void aStormOfSignInsDoesNotStarveOtherRequests() throws Exception {
        try (NadiRuntime runtime = NadiRuntime.options().label("login-storm").start()) {
            ApiClient script = runtime.admin();
            ExecutorService storm = Executors.newFixedThreadPool(24);
            List<Future<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                logins.add(storm.submit(() -> login(runtime, NadiRuntime.ADMIN, NadiRuntime.ADMIN_PASSWORD).status()));
            }
            List<Long> millis = Collections.synchronizedList(new ArrayList<>());
            try {
                while (logins.stream().anyMatch(login -> !login.isDone()) && millis.size() < 200) {
                    long start = System.nanoTime();
                    runtime.anonymous().get("/api/v1/health").assertJson(200);
                    script.get("/api/v1/auth/me").assertJson(200);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    Thread.sleep(20);
                }
            } finally {
                storm.shutdown();
                assertTrue(storm.awaitTermination(120, TimeUnit.SECONDS));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> login : logins) {
                statuses.add(login.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 503), statuses::toString);
            assertTrue(statuses.contains(200), statuses::toString);
            assertTrue(millis.size() >= 5, "too few requests during the storm: " + millis);
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            long median = sorted.get(sorted.size() / 2);
            assertTrue(median < 250, "other requests waited for the sign-ins: median " + median + " ms of " + sorted);
        }
    }
}
