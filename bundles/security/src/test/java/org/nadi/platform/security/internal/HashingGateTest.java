package org.nadi.platform.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nadi.platform.web.api.ProblemException;

@Timeout(30)
class HashingGateTest {

    @Test
    void hashingThatCannotStartWithinTwoSecondsIsAnswered503WithRetryAfter() throws Exception {
        HashingGate gate = new HashingGate(1);
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<String> first = other.submit(() -> gate.run(() -> {
            hashing.countDown();
            awaitQuietly(release);
            return "first";
        }));
        hashing.await();

        long started = System.nanoTime();
        ProblemException busy = assertThrows(ProblemException.class, () -> gate.run(() -> "second"));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(503, busy.status());
        assertEquals(Map.of("Retry-After", "1"), busy.headers());
        assertTrue(waitedMillis >= 1900, "waited " + waitedMillis + " ms");
        release.countDown();
        assertEquals("first", first.get());
        assertEquals("third", gate.run(() -> "third"), "the permit came back");
        other.shutdown();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
