package dev.ember.test;

import dev.ember.spi.SteppedClock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * A clock that moves only when a test advances it, so batches run when the test says and never
 * because real time passed.
 *
 * <p>A runner given this clock starts no timer: it registers a listener with {@link
 * #onAdvance(LongConsumer)}, and every {@link #advance(long)} or {@link #advanceTo(long)} calls
 * that listener with the new time, synchronously on the advancing thread. The runner runs every
 * batch that became due inside that call, so when {@code advance} returns those batches are done;
 * if one of them failed, {@code advance} throws the failure (such as a {@link
 * dev.ember.streaming.UserFunctionException}), with the clock already at the new time.
 *
 * <p>Thread-safe: {@link #currentTimeMillis()} may be read from any thread; advances from several
 * threads are serialised, each one notifying the listeners before the next one moves the clock. The
 * clock never goes backwards.
 */
public final class ManualClock implements SteppedClock {
    private final ReentrantLock advancing = new ReentrantLock();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile long now;

    /** Creates a clock at time 0, the start of the epoch. */
    public ManualClock() {
        this(0L);
    }

    /**
     * Creates a clock at {@code startMillis}.
     *
     * @param startMillis the initial time in epoch milliseconds; must not be negative
     * @throws IllegalArgumentException when {@code startMillis} is negative
     */
    public ManualClock(long startMillis) {
        if (startMillis < 0) {
            throw new IllegalArgumentException(
                    "startMillis of ManualClock must not be negative, got " + startMillis);
        }
        this.now = startMillis;
    }

    /** The current time in epoch milliseconds: the start time plus every advance so far. */
    @Override
    public long currentTimeMillis() {
        return now;
    }

    /**
     * Moves the clock forward by {@code millis}, then calls every listener with the new time on
     * this thread. A runner's listener runs every batch that became due before this returns.
     *
     * @param millis how far to move; {@code 0} notifies the listeners without moving
     * @throws IllegalArgumentException when {@code millis} is negative
     * @throws RuntimeException what a listener throws, such as the {@link
     *     dev.ember.streaming.UserFunctionException} of a failed batch; the clock stays at the new
     *     time
     */
    public void advance(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException(
                    "advance needs a number of milliseconds >= 0, got "
                            + millis
                            + ": a ManualClock never goes backwards");
        }
        advancing.lock();
        try {
            moveTo(Math.addExact(now, millis));
        } finally {
            advancing.unlock();
        }
    }

    /**
     * Moves the clock to {@code millis}, then calls every listener with it on this thread; see
     * {@link #advance(long)}.
     *
     * @param millis the new time in epoch milliseconds; not before the current time
     * @throws IllegalArgumentException when {@code millis} is before the current time
     */
    public void advanceTo(long millis) {
        advancing.lock();
        try {
            long current = now;
            if (millis < current) {
                throw new IllegalArgumentException(
                        "cannot move the clock back from "
                                + current
                                + " ms to "
                                + millis
                                + " ms: a ManualClock never goes backwards");
            }
            moveTo(millis);
        } finally {
            advancing.unlock();
        }
    }

    /**
     * Registers {@code listener} to be called with the new time after each advance, on the
     * advancing thread. Runners call this when they start; listeners are called in registration
     * order, and an exception from one is thrown by the advance without calling the later ones.
     */
    @Override
    public void onAdvance(LongConsumer listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void moveTo(long millis) {
        now = millis;
        for (LongConsumer listener : listeners) {
            listener.accept(millis);
        }
    }

    /** The current time, as {@code ManualClock[<ms> ms]}. */
    @Override
    public String toString() {
        return "ManualClock[" + now + " ms]";
    }
}
