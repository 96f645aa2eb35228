package dev.ember.spi.plan;

import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function2;
import java.util.List;
import java.util.Optional;

/**
 * {@code updateStateByKey}: a state per key, kept from batch to batch. At every batch time, {@code
 * updateFn} is called once for every key that has state or data (with the key's values of the batch
 * in arrival order, possibly none, and its previous state, if any); an empty result removes the
 * key. Each batch holds every key with its new state. Stateful: needs a checkpoint directory.
 *
 * @param info the operator's identity
 * @param parent the pairs whose values update the state
 * @param updateFn from a key's values of the batch and its previous state to its new state
 * @param numPartitions the number of hash partitions of the state, 0 for the runner's default
 * @param initialState pairs that form the state before the first batch (a key listed twice keeps
 *     its last state); empty for none
 */
public record UpdateStateByKeyNode(
        OpInfo info,
        PlanNode parent,
        Function2<List<Object>, Optional<Object>, Optional<Object>> updateFn,
        int numPartitions,
        List<Tuple2<Object, Object>> initialState)
        implements UnaryNode, StatefulNode {

    /** Copies the initial state so the plan cannot change afterwards. */
    public UpdateStateByKeyNode {
        initialState = List.copyOf(initialState);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
