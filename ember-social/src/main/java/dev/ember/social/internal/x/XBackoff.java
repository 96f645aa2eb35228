package dev.ember.social.internal.x;

import java.time.Duration;

/*
 * X's documented reconnect policy for the filtered stream, kept per kind of failure:
 *
 *  - an established connection that drops is reconnected at once (no wait from here);
 *  - network errors (refused, reset, timed out): linear, 250 ms more per try, at most 16 s;
 *  - HTTP errors: exponential from 5 s, doubling, at most 320 s;
 *  - HTTP 429 (rate limited, or TooManyConnections): exponential from 60 s, doubling, at most
 *    16 min (one step past X's 15-minute rate-limit window); when x-rate-limit-reset (epoch
 *    seconds) lies further ahead, until then.
 *
 * reset() after an established connection starts every kind again from its first wait. Not
 * thread-safe: the source's run thread owns it.
 */
final class XBackoff {
    static final Duration NETWORK_STEP = Duration.ofMillis(250);
    static final Duration NETWORK_MAX = Duration.ofSeconds(16);
    static final Duration HTTP_INITIAL = Duration.ofSeconds(5);
    static final Duration HTTP_MAX = Duration.ofSeconds(320);
    static final Duration RATE_LIMIT_INITIAL = Duration.ofSeconds(60);
    static final Duration RATE_LIMIT_MAX = Duration.ofMinutes(16);

    private int networkErrors;
    private int httpErrors;
    private int rateLimits;

    Duration afterNetworkError() {
        networkErrors++;
        Duration wait = NETWORK_STEP.multipliedBy(Math.min(networkErrors, 64));
        return wait.compareTo(NETWORK_MAX) < 0 ? wait : NETWORK_MAX;
    }

    Duration afterHttpError() {
        httpErrors++;
        return doubling(HTTP_INITIAL, httpErrors, HTTP_MAX);
    }

    /**
     * The wait after a 429.
     *
     * @param resetEpochSecond the x-rate-limit-reset header, or a negative value when absent
     * @param nowMillis the current wall-clock time
     */
    Duration afterRateLimit(long resetEpochSecond, long nowMillis) {
        rateLimits++;
        Duration wait = doubling(RATE_LIMIT_INITIAL, rateLimits, RATE_LIMIT_MAX);
        if (resetEpochSecond >= 0) {
            long untilReset = resetEpochSecond * 1000 - nowMillis;
            if (untilReset > wait.toMillis()) {
                wait = Duration.ofMillis(untilReset);
            }
        }
        return wait;
    }

    void reset() {
        networkErrors = 0;
        httpErrors = 0;
        rateLimits = 0;
    }

    private static Duration doubling(Duration initial, int attempt, Duration max) {
        if (attempt > 20) {
            return max;
        }
        Duration wait = initial.multipliedBy(1L << (attempt - 1));
        return wait.compareTo(max) < 0 ? wait : max;
    }
}
