package dev.ember.engine.internal.state;

/**
 * Something the local runner keeps from batch to batch for one operator: keyed state, the
 * accumulators of an inverse-reduced window. Confined to the job thread.
 */
public interface OperatorState {

    /** The kind of state, such as {@code mapWithState}; a saved state is restored into its kind. */
    String kind();

    /** The number of entries (keys) held now. */
    long size();
}
