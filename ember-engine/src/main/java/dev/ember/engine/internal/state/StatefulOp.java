package dev.ember.engine.internal.state;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.UpdateStateByKeyNode;

/**
 * An operator that keeps keyed state from batch to batch ({@code updateStateByKey}, {@code
 * mapWithState}). The evaluator computes it at every one of its batch times, in order, with the
 * parent's batch; confined to the job thread, except that the partitions of the state are updated
 * in parallel, each by one task.
 */
public interface StatefulOp {

    /** Folds the parent's batch at {@code time} into the state and returns this node's batch. */
    LocalBatch<?> compute(long time, LocalBatch<?> input);

    /** Every key with its state as left by the batch at {@code time}, the last one computed. */
    LocalBatch<?> snapshot(long time);

    /** The op for a stateful node, or null when {@code node} is not one. */
    static StatefulOp of(PlanNode node, Engine engine) {
        if (node instanceof UpdateStateByKeyNode u) {
            return new UpdateStateByKeyOp(u, engine);
        }
        if (node instanceof MapWithStateNode m) {
            return new MapWithStateOp(m, engine);
        }
        return null;
    }
}
