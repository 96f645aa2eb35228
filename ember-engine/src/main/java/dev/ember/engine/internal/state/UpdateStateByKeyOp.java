package dev.ember.engine.internal.state;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.batch.Sink;
import dev.ember.engine.internal.shuffle.CombineMap;
import dev.ember.spi.plan.OpInfo;
import dev.ember.spi.plan.UpdateStateByKeyNode;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function2;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code updateStateByKey} on the local runner.
 *
 * <p>Design: the batch is shuffled into the state's partitions, grouped by key; then each partition
 * task calls the function for the keys with data (marking them with the batch time in the entry's
 * time), and for every other key of its map with no values, in one backward scan, so that removing
 * an entry (which moves the last one into its place) never skips a key. The function is called for
 * every key every batch, as in Spark, so the cost of a batch is that of the whole state; the result
 * is every key with its new state, one list per partition. If the function throws, the state is
 * left part-updated, and the context stops.
 */
public final class UpdateStateByKeyOp implements OperatorState {
    private final OpInfo op;
    private final Function2<List<Object>, Optional<Object>, Optional<Object>> updateFn;
    private final KeyedState state;

    public UpdateStateByKeyOp(UpdateStateByKeyNode node, Engine engine) {
        this.op = node.info();
        this.updateFn = node.updateFn();
        this.state = new KeyedState(op, node.numPartitions(), engine);
        // Initial keys carry no batch time, so the first batch visits them as keys without data.
        state.load(node.initialState(), Long.MIN_VALUE);
    }

    /** Folds the parent's batch at {@code time} into the state and returns this node's batch. */
    public LocalBatch<?> compute(long time, LocalBatch<?> input) {
        List<Part> groups = state.group(input);
        int partitions = state.partitions();
        Part[] out = new Part[partitions];
        state.engine()
                .pool()
                .runAll(partitions, p -> out[p] = update(state.partition(p), groups.get(p), time));
        return LocalBatch.of(state.engine(), List.of(out));
    }

    private Part update(CombineMap map, Part groups, long time) {
        groups.pushTo(
                new Sink() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public void accept(Object element) {
                        Tuple2<Object, Object> group = (Tuple2<Object, Object>) element;
                        Object key = group._1();
                        int hash = CombineMap.hashOf(key);
                        int slot = map.slotOf(key, hash);
                        int e = map.entryAt(slot);
                        List<Object> values =
                                Collections.unmodifiableList((List<Object>) group._2());
                        Optional<Object> next =
                                call(values, e < 0 ? Optional.empty() : Optional.of(map.value(e)));
                        if (next.isEmpty()) {
                            if (e >= 0) {
                                map.remove(e);
                            }
                        } else if (e < 0) {
                            map.insertAt(slot, key, hash, next.get(), time);
                        } else {
                            map.setValue(e, next.get());
                            map.setLong(e, time);
                        }
                    }
                });
        for (int e = map.size() - 1; e >= 0; e--) {
            if (map.longValue(e) == time) {
                continue;
            }
            Optional<Object> next = call(List.of(), Optional.of(map.value(e)));
            if (next.isEmpty()) {
                map.remove(e);
            } else {
                map.setValue(e, next.get());
            }
        }
        return map.pairs();
    }

    private Optional<Object> call(List<Object> values, Optional<Object> previous) {
        Optional<Object> next;
        try {
            next = updateFn.call(values, previous);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
        if (next == null) {
            throw new FunctionFailure(
                    op,
                    new NullPointerException(
                            "the update function returned null; return Optional.empty() to"
                                    + " remove the key"));
        }
        return next;
    }

    @Override
    public String kind() {
        return "updateStateByKey";
    }

    @Override
    public long size() {
        return state.size();
    }

    @Override
    public StateCapture capture() {
        CombineMap.Entries[] entries = state.capture();
        return out -> KeyedState.write(entries, out);
    }

    @Override
    public void restore(StateInput in, int version) throws IOException {
        state.restore(in);
    }
}
