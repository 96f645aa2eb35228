package dev.ember.social.internal.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** X's documented reconnect policy, kind by kind. */
class XBackoffTest {
    private static final long NOW = 1_800_000_000_000L;

    private static List<Long> millis(int n, Supplier<Duration> next) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(next.get().toMillis());
        }
        return waits;
    }

    @Test
    void networkErrorsBackOffLinearlyByAQuarterSecondUpTo16Seconds() {
        XBackoff backoff = new XBackoff();

        List<Long> waits = millis(70, backoff::afterNetworkError);

        assertEquals(List.of(250L, 500L, 750L, 1000L), waits.subList(0, 4));
        assertEquals(16_000L, waits.get(63));
        assertEquals(16_000L, waits.get(69));
    }

    @Test
    void httpErrorsBackOffExponentiallyFrom5SecondsUpTo320() {
        XBackoff backoff = new XBackoff();

        assertEquals(
                List.of(5_000L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 320_000L, 320_000L),
                millis(8, backoff::afterHttpError));
    }

    @Test
    void rateLimitsBackOffExponentiallyFromOneMinute() {
        XBackoff backoff = new XBackoff();

        assertEquals(
                List.of(60_000L, 120_000L, 240_000L, 480_000L, 960_000L, 960_000L),
                millis(6, () -> backoff.afterRateLimit(-1, NOW)));
    }

    @Test
    void rateLimitsWaitUntilTheResetWhenThatIsLater() {
        XBackoff backoff = new XBackoff();

        assertEquals(Duration.ofSeconds(600), backoff.afterRateLimit(NOW / 1000 + 600, NOW));
        assertEquals(
                Duration.ofSeconds(120),
                backoff.afterRateLimit(NOW / 1000 + 30, NOW),
                "an earlier reset does not shorten the backoff");
    }

    @Test
    void eachKindKeepsItsOwnCountUntilAReset() {
        XBackoff backoff = new XBackoff();
        backoff.afterHttpError();
        backoff.afterHttpError();

        assertEquals(Duration.ofMillis(250), backoff.afterNetworkError());
        assertEquals(Duration.ofSeconds(20), backoff.afterHttpError());

        backoff.reset();

        assertEquals(Duration.ofSeconds(5), backoff.afterHttpError());
        assertEquals(Duration.ofMillis(250), backoff.afterNetworkError());
        assertEquals(Duration.ofSeconds(60), backoff.afterRateLimit(-1, NOW));
    }
}
