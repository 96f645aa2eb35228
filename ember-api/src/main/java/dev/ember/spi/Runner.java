package dev.ember.spi;

import dev.ember.spi.plan.StreamGraph;

/**
 * Executes stream graphs. Runners are found with {@link java.util.ServiceLoader}; {@code
 * StreamingContext.start()} takes the first one that {@linkplain #supports supports} the master.
 */
public interface Runner {

    /** True when this runner executes programs for {@code master} (such as {@code local[2]}). */
    boolean supports(String master);

    /**
     * What this runner is and the masters it takes, for messages: {@code the local runner (local,
     * local[N], local[*])}.
     */
    default String describe() {
        return getClass().getName();
    }

    /**
     * Starts running {@code graph}: inputs begin receiving and batches run at every batch time.
     * Returns once running; failures afterwards are reported through the returned execution.
     */
    Execution start(StreamGraph graph, RunSettings settings);
}
