package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {

    private static List<Long> millis(ExponentialBackoff backoff, int n) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(backoff.next().toMillis());
        }
        return waits;
    }

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        ExponentialBackoff backoff =
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);

        assertEquals(
                List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), millis(backoff, 7));
        assertEquals(7, backoff.attempts());
    }

    @Test
    void jitterKeepsAtLeastHalfOfEachWait() {
        ExponentialBackoff low =
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        ExponentialBackoff middle =
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5);

        assertEquals(List.of(500L, 1000L, 2000L), millis(low, 3));
        assertEquals(List.of(750L, 1500L, 3000L), millis(middle, 3));
    }

    @Test
    void startsAgainFromTheInitialWaitAfterAReset() {
        ExponentialBackoff backoff =
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
        millis(backoff, 4);

        backoff.reset();

        assertEquals(List.of(1000L, 2000L), millis(backoff, 2));
    }

    @Test
    void neverOverflowsAfterManyAttempts() {
        ExponentialBackoff backoff =
                new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);

        assertEquals(30000L, millis(backoff, 100).get(99));
    }

    @Test
    void rejectsAMaximumBelowTheInitialWait() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new ExponentialBackoff(
                                Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 1));
    }
}
