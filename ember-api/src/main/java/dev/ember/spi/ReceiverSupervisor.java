package dev.ember.spi;

import dev.ember.streaming.Receiver;
import dev.ember.streaming.internal.ReceiverHook;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The runner's side of a {@link dev.ember.streaming.Receiver}: where stored records go and how
 * restarts and stops are carried out. Implementations are thread-safe.
 */
public interface ReceiverSupervisor {

    /**
     * Connects {@code receiver} to {@code supervisor}, so that its {@code store}, {@code restart}
     * and {@code stop} reach the runner. Runners call it before the receiver's {@code onStart()}.
     */
    static void attach(Receiver<?> receiver, ReceiverSupervisor supervisor) {
        ReceiverHook.attach(
                Objects.requireNonNull(receiver, "receiver"),
                Objects.requireNonNull(supervisor, "supervisor"));
    }

    /** Stores one record, blocking while the runner's buffer is full (backpressure). */
    void store(Object record);

    /** Stores every record of {@code records}, blocking while the buffer is full. */
    void storeAll(Iterator<?> records);

    /**
     * Stores a block of records at once: the fast path for receivers that collect records into
     * lists. The runner may keep the list; the caller must not change it afterwards.
     */
    void storeBlock(List<?> records);

    /** Stops the receiver, then starts it again after {@code delayMillis}. */
    void restart(String message, Throwable error, int delayMillis);

    /** Stops the receiver for good; its stream goes on with the data already stored. */
    void stop(String message, Throwable error);

    /** Reports an error without stopping the receiver. */
    void reportError(String message, Throwable error);

    /** True once the receiver has been started and has not stopped since. */
    boolean isStarted();

    /** True when the receiver is stopped or stopping; receiving loops check it. */
    boolean isStopped();
}
