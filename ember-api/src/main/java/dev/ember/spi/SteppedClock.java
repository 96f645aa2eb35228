package dev.ember.spi;

import dev.ember.streaming.Clock;
import java.util.function.LongConsumer;

/**
 * A clock that moves only when advanced by hand. A runner given one starts no timer thread: it
 * registers a listener, and each advance runs every batch that became due, synchronously on the
 * advancing thread, before the advance returns.
 */
public interface SteppedClock extends Clock {

    /** Registers the runner's listener, called with the new time after each advance. */
    void onAdvance(LongConsumer listener);
}
