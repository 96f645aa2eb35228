package dev.ember.streaming;

import dev.ember.spi.ReceiverSupervisor;
import dev.ember.streaming.internal.ReceiverHook;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A custom push source, with the shape of Spark's {@code Receiver}: subclass it, start a thread in
 * {@link #onStart()}, call {@link #store} for each record, and loop until {@link #isStopped()}.
 *
 * <p>The runner starts each receiver on a thread of its own, never on a worker thread, so a program
 * with receivers runs under {@code local[1]} (on Spark, a receiver pins one core and {@code
 * local[1]} never processes a batch).
 *
 * <p>Records stored until time {@code t} belong to the batch at {@code t}. {@code store} blocks
 * while the runner's buffer is full, which slows the source down instead of exhausting memory.
 *
 * @param <T> the type of the records received
 */
public abstract class Receiver<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    static {
        ReceiverHook.install(Receiver::attach);
    }

    private final StorageLevel storageLevel;
    private transient volatile ReceiverSupervisor supervisor;

    /** A receiver with Spark's default storage level for received data. */
    protected Receiver() {
        this(StorageLevel.MEMORY_AND_DISK_SER_2);
    }

    /** A receiver whose data the Spark runner keeps at {@code storageLevel}. */
    protected Receiver(StorageLevel storageLevel) {
        this.storageLevel = Objects.requireNonNull(storageLevel, "storageLevel");
    }

    /**
     * Starts receiving. Must not block: start a thread that receives and calls {@link #store}.
     * Called again after {@link #restart}.
     */
    public abstract void onStart();

    /** Releases what {@link #onStart()} acquired; threads started there should end soon after. */
    public abstract void onStop();

    /** The storage level given at construction. */
    public StorageLevel storageLevel() {
        return storageLevel;
    }

    /** Stores one record; blocks while the runner's buffer is full. */
    public final void store(T record) {
        supervisor().store(record);
    }

    /** Stores every record of {@code records}; blocks while the runner's buffer is full. */
    public final void store(Iterator<T> records) {
        supervisor().storeAll(records);
    }

    /**
     * Stores a block of records at once, as Spark's {@code store(ArrayBuffer)}; the cheapest way to
     * store many records. The list must not be changed afterwards.
     */
    public final void store(List<T> records) {
        supervisor().storeBlock(records);
    }

    /** Restarts the receiver ({@link #onStop()}, then {@link #onStart()}) after a short delay. */
    public final void restart(String message) {
        supervisor().restart(message, null, 2000);
    }

    /** Restarts the receiver after a short delay, reporting {@code error}. */
    public final void restart(String message, Throwable error) {
        supervisor().restart(message, error, 2000);
    }

    /** Restarts the receiver after {@code millisecond} milliseconds, reporting {@code error}. */
    public final void restart(String message, Throwable error, int millisecond) {
        supervisor().restart(message, error, millisecond);
    }

    /** Stops the receiver for good; the stream goes on with what was already stored. */
    public final void stop(String message) {
        supervisor().stop(message, null);
    }

    /** Stops the receiver for good, reporting {@code error}. */
    public final void stop(String message, Throwable error) {
        supervisor().stop(message, error);
    }

    /** Reports an error to the runner's log without stopping the receiver. */
    public final void reportError(String message, Throwable error) {
        supervisor().reportError(message, error);
    }

    /** True once started and not stopped since. */
    public final boolean isStarted() {
        ReceiverSupervisor s = supervisor;
        return s != null && s.isStarted();
    }

    /** True when stopped or stopping; a receiving loop ends when this turns true. */
    public final boolean isStopped() {
        ReceiverSupervisor s = supervisor;
        return s == null || s.isStopped();
    }

    private void attach(ReceiverSupervisor supervisor) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
    }

    private ReceiverSupervisor supervisor() {
        ReceiverSupervisor s = supervisor;
        if (s == null) {
            throw new IllegalStateException(
                    "receiver "
                            + getClass().getName()
                            + " is not running: store, restart and stop may be called only"
                            + " after the context has started it");
        }
        return s;
    }
}
