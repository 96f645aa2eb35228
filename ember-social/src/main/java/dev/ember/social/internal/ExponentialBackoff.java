package dev.ember.social.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/*
 * Reconnect waits that double from initial to max, with "equal jitter": attempt n waits
 * base * (0.5 + 0.5 * r), base = min(initial * 2^(n-1), max), r uniform in [0, 1]. Half the base
 * is guaranteed, so a crowd of clients that lost the same server spread out without any of them
 * hammering it. reset() after a healthy connection starts again from initial. Not thread-safe:
 * each connection loop owns one.
 */
public final class ExponentialBackoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempts;

    public ExponentialBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "backoff must satisfy 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** Jitter from {@link ThreadLocalRandom}. */
    public static ExponentialBackoff jittered(Duration initial, Duration max) {
        return new ExponentialBackoff(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before the next attempt; counts one more failed attempt. */
    public Duration next() {
        attempts++;
        Duration base = max;
        if (attempts < 31) {
            Duration doubled = initial.multipliedBy(1L << (attempts - 1));
            if (doubled.compareTo(max) < 0) {
                base = doubled;
            }
        }
        double r = Math.min(1.0, Math.max(0.0, random.getAsDouble()));
        long nanos = base.toNanos();
        long half = nanos / 2;
        return Duration.ofNanos(half + Math.round((nanos - half) * r));
    }

    /** Starts again from the initial wait. */
    public void reset() {
        attempts = 0;
    }

    /** Failed attempts since the last reset. */
    public int attempts() {
        return attempts;
    }
}
