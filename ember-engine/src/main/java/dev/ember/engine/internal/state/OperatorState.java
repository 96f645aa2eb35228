package dev.ember.engine.internal.state;

import java.io.IOException;
import java.util.Map;

/**
 * Something the local runner keeps from batch to batch: keyed state, the accumulators of an
 * inverse-reduced window, the batches a window still needs, records a receiver holds. Saved into
 * snapshots under a stable name and restored from them.
 *
 * <p>Confined to the job thread: {@link #capture} runs between batches, and what it returns is
 * written later, possibly on another thread while the next batch runs, so a capture copies what
 * later batches change in place (the state maps' arrays; the values themselves are shared, which is
 * why state values must not be mutated after they were handed to the state).
 */
public interface OperatorState {

    /** The kind of state, such as {@code mapWithState}; a saved state is restored into its kind. */
    String kind();

    /** The number of entries (keys, or records) held now. */
    long size();

    /** The version of the format {@link #capture} writes; restore reads it and older ones. */
    default int formatVersion() {
        return 1;
    }

    /**
     * The parameters a saved state was made with, whose change makes it unusable (a window's
     * length, a timeout), by name; compared before a restore.
     */
    default Map<String, String> shape() {
        return Map.of();
    }

    /** A copy of the state as of now, to be written later. */
    StateCapture capture();

    /** Replaces the state with one written by a capture of the same kind, in {@code version}. */
    void restore(StateInput in, int version) throws IOException;
}
