package dev.ember.streaming;

/**
 * The source of time for batch scheduling. The default is the system clock; the test kit drives a
 * context with a manual clock so tests never sleep.
 */
@FunctionalInterface
public interface Clock {
    /** The current time in epoch milliseconds. */
    long currentTimeMillis();

    /** The system clock. */
    static Clock system() {
        return System::currentTimeMillis;
    }
}
