package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import dev.ember.streaming.State;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function4;
import java.util.List;
import java.util.Optional;

/**
 * {@code mapWithState}: a state per key, kept from batch to batch, and a stream of the values that
 * the mapping function returns. At each batch time the function is called once per pair of the
 * batch (a key's values in arrival order, each call seeing the state the previous one left), and
 * once, with no value and a timing-out state, for each key idle for at least {@code timeout}; such
 * a key is then removed. Keys with neither data nor a timeout are not visited. Stateful: needs a
 * checkpoint directory.
 *
 * @param info the operator's identity
 * @param parent the pairs whose values are mapped
 * @param mappingFn from the batch time, the key, the value (empty when timing out) and the key's
 *     state to the mapped result
 * @param optionalResult true when {@code mappingFn} returns an {@code Optional} whose content, if
 *     any, is emitted (the {@code Function4} form); false when its result is emitted as is (the
 *     {@code Function3} form)
 * @param initialState pairs that form the state before the first batch (a key listed twice keeps
 *     its last state); empty for none
 * @param numPartitions the number of hash partitions of the state, 0 for the runner's default
 * @param timeout the idle duration after which a key times out, or {@code null} for none
 */
public record MapWithStateNode(
        OpInfo info,
        PlanNode parent,
        Function4<Time, Object, Optional<Object>, State<Object>, Object> mappingFn,
        boolean optionalResult,
        List<Tuple2<Object, Object>> initialState,
        int numPartitions,
        Duration timeout)
        implements UnaryNode, StatefulNode {

    /** Copies the initial state so the plan cannot change afterwards. */
    public MapWithStateNode {
        initialState = List.copyOf(initialState);
    }

    /** Ten slides, as Spark's {@code mapWithState}. */
    @Override
    public Duration defaultCheckpointInterval() {
        return slide().times(10);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
