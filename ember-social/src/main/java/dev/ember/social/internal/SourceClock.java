package dev.ember.social.internal;

import java.time.Duration;

/**
 * Time as the sources see it: a monotonic reading for pacing and health, the wall clock for
 * servers' reset times, and sleeping that a close ends at once. Tests inject a manual clock whose
 * sleeps return at once and record the waits, so backoff and pacing are asserted without waiting.
 */
public interface SourceClock {

    long nanoTime();

    long currentTimeMillis();

    /**
     * Waits {@code duration} or until {@code closed} is closed; returns true when the whole
     * duration passed, false when closed.
     */
    boolean sleep(Duration duration, CloseSignal closed) throws InterruptedException;

    static SourceClock system() {
        return SystemClock.INSTANCE;
    }

    final class SystemClock implements SourceClock {
        static final SystemClock INSTANCE = new SystemClock();

        private SystemClock() {}

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public boolean sleep(Duration duration, CloseSignal closed) throws InterruptedException {
            if (duration.isZero() || duration.isNegative()) {
                return !closed.isClosed();
            }
            return !closed.await(saturatedNanos(duration));
        }

        private static long saturatedNanos(Duration d) {
            try {
                return d.toNanos();
            } catch (ArithmeticException e) {
                return Long.MAX_VALUE;
            }
        }
    }
}
