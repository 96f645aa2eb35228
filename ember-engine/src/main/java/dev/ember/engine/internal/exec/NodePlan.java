package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.NarrowOp;
import dev.ember.engine.internal.state.OperatorState;
import dev.ember.spi.plan.PlanNode;

/**
 * How the local runner computes one node's batches, decided once at start by {@link LocalPlanner}.
 *
 * @param node the plan node
 * @param narrow for a narrow node, the op that turns its parent's batch into its own (fused into
 *     the parent's loop); null otherwise
 * @param step for other nodes, what computes the node's batch at a time; null for narrow nodes
 * @param windowSpan how far back the node reads its parent's batches (a window's length, plus one
 *     slide for an inverse-reduced window, which subtracts the batches that left); 0 for nodes that
 *     read only the parent's batch of their own time
 * @param everyBatch true when the node must be computed at every one of its batch times whether an
 *     output reads it then or not: keyed state, whose next batch builds on this one, and state
 *     snapshots
 * @param state the node's state, for stateful nodes; null otherwise
 */
record NodePlan(
        PlanNode node,
        NarrowOp narrow,
        Step step,
        long windowSpan,
        boolean everyBatch,
        OperatorState state) {

    /** Computes a node's batch at a time from the batches of other nodes. */
    interface Step {
        LocalBatch<?> compute(long time, Batches batches);
    }

    /** The batches of other nodes, computed on demand and memoized by the evaluator. */
    interface Batches {
        /** {@code node}'s batch at {@code time}, or an empty batch when it has none then. */
        LocalBatch<?> of(PlanNode node, long time);
    }

    static NodePlan narrow(PlanNode node, NarrowOp op) {
        return new NodePlan(node, op, null, 0, false, null);
    }

    static NodePlan step(PlanNode node, Step step) {
        return new NodePlan(node, null, step, 0, false, null);
    }

    static NodePlan window(PlanNode node, long span, Step step) {
        return new NodePlan(node, null, step, span, false, null);
    }

    static NodePlan stateful(PlanNode node, OperatorState state, long span, Step step) {
        return new NodePlan(node, null, step, span, span == 0, state);
    }

    static NodePlan followingEveryBatch(PlanNode node, Step step) {
        return new NodePlan(node, null, step, 0, true, null);
    }
}
