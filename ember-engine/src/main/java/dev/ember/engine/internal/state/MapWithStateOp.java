package dev.ember.engine.internal.state;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.batch.Sink;
import dev.ember.engine.internal.shuffle.CombineMap;
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.State;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code mapWithState} on the local runner.
 *
 * <p>Design: the batch is shuffled into the state's partitions, grouped by key, and each partition
 * task visits only its keys with data: one lookup per key, one call per value (each call sees the
 * state the previous one left), one write back. Keys without data are never touched, so a batch
 * costs in proportion to its data, whatever the size of the state.
 *
 * <p>Timeouts without a scan: with a timeout, an entry's time is its expiry (last batch with data
 * plus the timeout), and each partition keeps an expiry index, a sorted map from expiry time to the
 * keys that got it. Each batch takes the index's due buckets (expiry at or before the batch time)
 * and times out the keys whose entry still has a due expiry. Entries are never looked up to be
 * unindexed: a key that got data again, or was removed, leaves a stale mention in an old bucket,
 * recognised and dropped when that bucket comes due (lazy deletion). A key is indexed again only
 * when its expiry changes, so each bucket names a key at most once, and the index holds at most one
 * mention per key and batch within the timeout. Initial keys expire from the first batch time, as
 * in Spark. Timeouts run after the batch's data, so a key with data is never timed out in the same
 * batch.
 *
 * <p>Confined to the job thread, except that partitions are updated in parallel, each by one task
 * with its own map, index and {@link MappedState}. If the mapping function throws, the state is
 * left part-updated, and the context stops.
 */
public final class MapWithStateOp implements OperatorState {
    private final MapWithStateNode node;
    private final OpInfo op;
    private final Function4<Time, Object, Optional<Object>, State<Object>, Object> mappingFn;
    private final KeyedState state;
    private final long timeout;
    private final List<TreeMap<Long, List<Object>>> expiries = new ArrayList<>();
    private long lastTime = Long.MIN_VALUE;

    public MapWithStateOp(MapWithStateNode node, Engine engine) {
        this.node = node;
        this.op = node.info();
        this.mappingFn = node.mappingFn();
        this.state = new KeyedState(op, node.numPartitions(), engine);
        this.timeout = node.timeout() == null ? -1 : node.timeout().milliseconds();
        for (int p = 0; p < state.partitions(); p++) {
            expiries.add(new TreeMap<>());
        }
    }

    /** Folds the parent's batch at {@code time} into the state and returns the mapped values. */
    public LocalBatch<?> compute(long time, LocalBatch<?> input) {
        if (lastTime == Long.MIN_VALUE) {
            loadInitialState(time);
        }
        List<Part> groups = state.group(input);
        int partitions = state.partitions();
        Part[] out = new Part[partitions];
        state.engine().pool().runAll(partitions, p -> out[p] = update(p, groups.get(p), time));
        lastTime = time;
        return LocalBatch.of(state.engine(), List.of(out));
    }

    private void loadInitialState(long firstTime) {
        long expiry = timeout < 0 ? Long.MAX_VALUE : firstTime + timeout;
        state.load(node.initialState(), expiry);
        if (timeout >= 0) {
            for (int p = 0; p < state.partitions(); p++) {
                CombineMap map = state.partition(p);
                if (map.size() > 0) {
                    List<Object> keys = new ArrayList<>(map.size());
                    for (int e = 0; e < map.size(); e++) {
                        keys.add(map.key(e));
                    }
                    expiries.get(p).put(expiry, keys);
                }
            }
        }
    }

    private Part update(int p, Part groups, long time) {
        CombineMap map = state.partition(p);
        TreeMap<Long, List<Object>> index = expiries.get(p);
        MappedState wrapped = new MappedState();
        Time batchTime = new Time(time);
        List<Object> mapped = new ArrayList<>();
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
                        boolean exists = e >= 0;
                        Object value = exists ? map.value(e) : null;
                        for (Object v : (List<Object>) group._2()) {
                            wrapped.wrap(exists, value);
                            emit(mapped, call(batchTime, key, Optional.ofNullable(v), wrapped));
                            if (wrapped.isRemoved() || wrapped.isUpdated()) {
                                exists = wrapped.exists();
                                value = exists ? wrapped.get() : null;
                            }
                        }
                        if (!exists) {
                            if (e >= 0) {
                                map.remove(e);
                            }
                            return;
                        }
                        if (e < 0) {
                            e = map.insertAt(slot, key, hash, value, Long.MAX_VALUE);
                        } else {
                            map.setValue(e, value);
                        }
                        // As in Spark, data for a key that has state restarts its idle time, even
                        // when the function leaves the state as it was.
                        if (timeout >= 0 && map.longValue(e) != time + timeout) {
                            map.setLong(e, time + timeout);
                            index.computeIfAbsent(time + timeout, t -> new ArrayList<>()).add(key);
                        }
                    }
                });
        while (!index.isEmpty() && index.firstKey() <= time) {
            for (Object key : index.pollFirstEntry().getValue()) {
                int e = map.find(key, CombineMap.hashOf(key));
                if (e < 0 || map.longValue(e) > time) {
                    continue; // removed, or had data since it was indexed here
                }
                wrapped.wrapTimingOut(map.value(e));
                emit(mapped, call(batchTime, key, Optional.empty(), wrapped));
                map.remove(e);
            }
        }
        return Part.of(mapped);
    }

    private Object call(Time time, Object key, Optional<Object> value, MappedState wrapped) {
        try {
            return mappingFn.call(time, key, value, wrapped);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }

    private void emit(List<Object> mapped, Object result) {
        if (!node.optionalResult()) {
            mapped.add(result);
            return;
        }
        if (result == null) {
            throw new FunctionFailure(
                    op,
                    new NullPointerException(
                            "the mapping function returned null; return Optional.empty() to emit"
                                    + " nothing"));
        }
        ((Optional<?>) result).ifPresent(mapped::add);
    }

    @Override
    public String kind() {
        return "mapWithState";
    }

    @Override
    public long size() {
        return state.size();
    }

    @Override
    public Map<String, String> shape() {
        return Map.of("timeout", timeout < 0 ? "none" : timeout + " ms");
    }

    @Override
    public StateCapture capture() {
        CombineMap.Entries[] entries = state.capture();
        long time = lastTime;
        return out -> {
            out.writeLong(time);
            KeyedState.write(entries, out);
        };
    }

    /**
     * Restores the keys with their expiry times (entry longs) and rebuilds the expiry index from
     * them; the initial state is not loaded again, since the saved state already grew from it.
     */
    @Override
    public void restore(StateInput in, int version) throws IOException {
        lastTime = in.readLong();
        state.restore(in);
        for (int p = 0; p < state.partitions(); p++) {
            TreeMap<Long, List<Object>> index = expiries.get(p);
            index.clear();
            CombineMap map = state.partition(p);
            for (int e = 0; e < map.size(); e++) {
                if (map.longValue(e) != Long.MAX_VALUE) {
                    index.computeIfAbsent(map.longValue(e), t -> new ArrayList<>()).add(map.key(e));
                }
            }
        }
    }

    /** Every key with its state as left by the batch at {@code time}, the last one computed. */
    public LocalBatch<?> snapshot(long time) {
        if (time != lastTime) {
            throw new IllegalStateException(
                    op.describe() + " was last computed at " + lastTime + " ms, not " + time);
        }
        return state.snapshot();
    }

    /** For tests of the index: how many key mentions the expiry index holds. */
    public int indexedMentions() {
        int n = 0;
        for (TreeMap<Long, List<Object>> index : expiries) {
            for (Map.Entry<Long, List<Object>> bucket : index.entrySet()) {
                n += bucket.getValue().size();
            }
        }
        return n;
    }
}
