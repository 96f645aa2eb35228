package dev.ember.social.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A {@link SourceClock} for tests: time moves only when a source sleeps, by exactly the wait it
 * asked for, and every wait is recorded. A hook may act after the n-th wait, such as closing the
 * source, so a test of a retry loop ends without any real waiting.
 */
public final class ManualSourceClock implements SourceClock {
    private long nanos = 1_000_000_000L;
    private long millis;
    private final List<Duration> waits = new ArrayList<>();
    private IntConsumer afterWait = n -> {};

    /** A clock whose wall time starts at {@code epochMillis}. */
    public ManualSourceClock(long epochMillis) {
        this.millis = epochMillis;
    }

    /** Runs {@code hook} with the count of waits so far after each wait. */
    public synchronized ManualSourceClock afterWait(IntConsumer hook) {
        this.afterWait = hook;
        return this;
    }

    /** Closes {@code source} after its {@code n}-th wait. */
    public ManualSourceClock closeAfterWaits(int n, AutoCloseable source) {
        return afterWait(
                count -> {
                    if (count == n) {
                        try {
                            source.close();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return millis;
    }

    /** Moves time forward, as if the sink or the network took {@code d}. */
    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
        millis += d.toMillis();
    }

    @Override
    public boolean sleep(Duration duration, CloseSignal closed) {
        IntConsumer hook;
        int count;
        synchronized (this) {
            if (closed.isClosed()) {
                return false;
            }
            waits.add(duration);
            nanos += duration.toNanos();
            millis += duration.toMillis();
            hook = afterWait;
            count = waits.size();
        }
        hook.accept(count);
        return !closed.isClosed();
    }

    /** The waits asked for so far, in order. */
    public synchronized List<Duration> waits() {
        return List.copyOf(waits);
    }
}
