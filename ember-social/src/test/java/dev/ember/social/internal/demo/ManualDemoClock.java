package dev.ember.social.internal.demo;

import dev.ember.social.internal.CloseSignal;
import dev.ember.social.internal.SourceClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock for source tests: its time moves only when the source sleeps (by exactly the time asked)
 * or when a test advances it, and it can close the source once a virtual deadline is reached, so a
 * paced source runs a virtual second in no real time.
 */
final class ManualDemoClock implements SourceClock {
    private final Instant start;
    private long nanos;
    private long deadlineNanos = Long.MAX_VALUE;
    private AutoCloseable closeAtDeadline;
    private boolean sleepingForbidden;
    final List<Long> sleeps = new ArrayList<>();

    ManualDemoClock(Instant start) {
        this.start = start;
    }

    /** Closes {@code source} when a sleep reaches {@code deadlineNanos} of virtual time. */
    ManualDemoClock closeAt(long deadlineNanos, AutoCloseable source) {
        this.deadlineNanos = deadlineNanos;
        this.closeAtDeadline = source;
        return this;
    }

    /** Makes any sleep fail the test. */
    ManualDemoClock forbidSleeping() {
        this.sleepingForbidden = true;
        return this;
    }

    void advance(long byNanos) {
        nanos += byNanos;
    }

    long elapsedNanos() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return start.plusNanos(nanos).toEpochMilli();
    }

    @Override
    public long nanoTime() {
        return 1_000_000_000_000L + nanos;
    }

    @Override
    public boolean sleep(Duration duration, CloseSignal closed) {
        long sleep = duration.toNanos();
        if (sleepingForbidden) {
            throw new AssertionError("the source slept " + sleep + " ns while unpaced");
        }
        sleeps.add(sleep);
        nanos += sleep;
        if (nanos >= deadlineNanos && closeAtDeadline != null) {
            try {
                closeAtDeadline.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return !closed.isClosed();
    }
}
