package dev.ember.social.internal.demo;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The time and the waiting of a {@link DemoSource}, injected so that tests run a paced source on
 * virtual time without waiting.
 */
public interface DemoClock {
    /** The wall-clock time, from which a source's virtual time starts. */
    Instant now();

    /** A monotonic time in nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Waits about {@code nanos} nanoseconds, or less: the source checks the time again after each
     * wait, and {@link DemoSource#close()} ends a wait early by unparking the waiting thread.
     *
     * @throws InterruptedException if the thread is interrupted
     */
    void sleepNanos(long nanos) throws InterruptedException;

    /** The system clock, waiting with {@link LockSupport#parkNanos(long)}. */
    static DemoClock system() {
        return SystemDemoClock.INSTANCE;
    }
}
