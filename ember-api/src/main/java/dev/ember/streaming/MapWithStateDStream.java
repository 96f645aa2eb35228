package dev.ember.streaming;

import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.StateSnapshotsNode;

/**
 * The stream that {@link PairDStream#mapWithState(StateSpec)} returns, as Spark's {@code
 * JavaMapWithStateDStream}: a stream of the mapped values, plus {@link #stateSnapshots()} for the
 * state itself.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <M> the type of the mapped values
 */
public final class MapWithStateDStream<K, V, S, M> extends DStream<M> {

    MapWithStateDStream(StreamingContext context, MapWithStateNode node) {
        super(context, node);
    }

    /**
     * At each batch time, every key that has state, with its state after that batch (keys removed
     * or timed out in the batch are gone). Each snapshot copies the whole state, so its cost grows
     * with the number of keys, not with the batch: use it for small state or rare outputs, as in
     * Spark.
     */
    public PairDStream<K, S> stateSnapshots() {
        return derivePair(
                "stateSnapshots", info -> new StateSnapshotsNode(info, (MapWithStateNode) node));
    }

    @Override
    public MapWithStateDStream<K, V, S, M> name(String name) {
        super.name(name);
        return this;
    }

    /**
     * Sets how often the state is checkpointed; see {@link DStream#checkpoint(Duration)}. The
     * default for {@code mapWithState} is ten batch intervals (ten slides of the parent). Returns
     * this stream.
     */
    @Override
    public MapWithStateDStream<K, V, S, M> checkpoint(Duration interval) {
        super.checkpoint(interval);
        return this;
    }
}
