package dev.ember.engine.internal.state;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.batch.Sink;
import dev.ember.engine.internal.shuffle.CombineMap;
import dev.ember.engine.internal.shuffle.Shuffle;
import dev.ember.spi.plan.OpInfo;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state of one {@code reduceByKeyAndWindow} with an inverse function.
 *
 * <p>Design: the window's current totals live in one {@link CombineMap} per partition, aligned with
 * the hash partitions of the per-batch reduced parent, each entry with the time of the last batch
 * that brought a value for its key. When the previous window was computed one slide ago, the next
 * is that state minus the parent batches that left ({@code invReduceFn}) plus those that entered
 * ({@code reduceFn}): work in proportion to the slide's data. Otherwise (the first windows, or
 * after a gap) it is rebuilt from every batch in the window. The API refuses windows shorter than
 * their slide for this form, where consecutive windows do not overlap and the arithmetic has
 * nothing to reuse.
 *
 * <p>The filter decides what a window emits, and lets go of keys: a key the filter rejects is
 * dropped from the state once no batch in the window holds a value for it; until then it stays,
 * hidden, so that values of it leaving or entering later are counted exactly (Spark drops it at
 * once, and then fails or miscounts when one of its values leaves). Without a filter every key
 * stays, zero-valued ones included, as in Spark. Each emitted batch is a copy, so earlier batches
 * never change. Confined to the job thread, except that partitions are updated in parallel, each by
 * one task.
 */
public final class InverseWindow implements OperatorState {
    /** Reads the parent's batch at a time; supplied by the evaluator. */
    public interface ParentBatches {
        LocalBatch<?> at(long time);
    }

    private final ReducedWindowNode node;
    private final OpInfo op;
    private final int partitions;
    private final long window;
    private final long slide;
    private final long parentSlide;
    private final long zeroTime;
    private CombineMap[] state;
    private long lastTime = Long.MIN_VALUE;

    public InverseWindow(ReducedWindowNode node, int partitions, long zeroTime) {
        this.node = node;
        this.op = node.info();
        this.partitions = partitions;
        this.window = node.windowDuration().milliseconds();
        this.slide = node.slideDuration().milliseconds();
        this.parentSlide = node.parent().slide().milliseconds();
        this.zeroTime = zeroTime;
    }

    @Override
    public String kind() {
        return "reducedWindow";
    }

    @Override
    public long size() {
        long n = 0;
        if (state != null) {
            for (CombineMap map : state) {
                n += map.size();
            }
        }
        return n;
    }

    @Override
    public Map<String, String> shape() {
        return Map.of("window", window + " ms", "slide", slide + " ms");
    }

    public LocalBatch<?> compute(long time, ParentBatches parent, Engine engine) {
        List<Long> added;
        List<Long> removed;
        if (state != null && lastTime == time - slide) {
            added = times(time - slide, time);
            removed = times(time - slide - window, time - window);
        } else {
            state = newState();
            added = times(time - window, time);
            removed = List.of();
        }
        lastTime = time;
        List<LocalBatch<?>> addedBatches = new ArrayList<>(added.size());
        for (long t : added) {
            addedBatches.add(parent.at(t));
        }
        List<LocalBatch<?>> removedBatches = new ArrayList<>(removed.size());
        for (long t : removed) {
            removedBatches.add(parent.at(t));
        }
        Part[] out = new Part[partitions];
        engine.pool()
                .runAll(
                        partitions,
                        p -> {
                            for (LocalBatch<?> b : removedBatches) {
                                fold(b, p, false, 0);
                            }
                            for (int i = 0; i < addedBatches.size(); i++) {
                                fold(addedBatches.get(i), p, true, added.get(i));
                            }
                            out[p] = emit(state[p], p, time);
                        });
        return LocalBatch.of(engine, List.of(out));
    }

    private CombineMap[] newState() {
        CombineMap[] maps = new CombineMap[partitions];
        for (int p = 0; p < partitions; p++) {
            maps[p] = CombineMap.ofLongs(16);
        }
        return maps;
    }

    /** The parent's batch times in {@code (from, to]}, none before the zero time, in order. */
    private List<Long> times(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long t = Math.max(from, zeroTime) + parentSlide; t <= to; t += parentSlide) {
            out.add(t);
        }
        return out;
    }

    /**
     * Adds the pairs of partition p of a batch entering the window at {@code time}, or removes
     * those of a batch leaving it.
     */
    private void fold(LocalBatch<?> batch, int p, boolean add, long time) {
        CombineMap map = state[p];
        Sink sink =
                new Sink() {
                    @Override
                    public void accept(Object element) {
                        Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
                        Object key = pair._1();
                        int hash = CombineMap.hashOf(key);
                        if (Shuffle.partitionOf(hash, partitions) != p) {
                            return;
                        }
                        int slot = map.slotOf(key, hash);
                        int e = map.entryAt(slot);
                        if (add) {
                            if (e >= 0) {
                                map.setValue(e, call(node.reduceFn(), map.value(e), pair._2()));
                                map.setLong(e, time);
                            } else {
                                map.insertAt(slot, key, hash, pair._2(), time);
                            }
                        } else if (e >= 0) {
                            map.setValue(e, call(node.invReduceFn(), map.value(e), pair._2()));
                        } else {
                            // A key leaves only after it entered, and stays while it has values in
                            // the window: a miss means its key hashes or compares inconsistently.
                            throw new FunctionFailure(
                                    op,
                                    new IllegalStateException(
                                            "a value of key "
                                                    + key
                                                    + " leaves the window, but the key is not in"
                                                    + " the window's state: its class's hashCode"
                                                    + " and equals must be consistent from batch"
                                                    + " to batch"));
                        }
                    }
                };
        int tasks = batch.taskCount();
        if (tasks == partitions) {
            batch.push(p, sink);
        } else {
            for (int t = 0; t < tasks; t++) {
                batch.push(t, sink);
            }
        }
    }

    /**
     * The pairs the window at {@code time} emits, in the order the keys entered the state; drops
     * the keys the filter rejects that have no value left in the window.
     */
    private Part emit(CombineMap map, int p, long time) {
        Function<Object, Boolean> filter = node.filterFn();
        if (filter == null) {
            return map.pairs();
        }
        List<Object> kept = new ArrayList<>(map.size());
        boolean dropped = false;
        boolean[] gone = new boolean[map.size()];
        for (int e = 0; e < map.size(); e++) {
            Tuple2<Object, Object> pair = new Tuple2<>(map.key(e), map.value(e));
            boolean keep;
            try {
                keep = filter.call(pair);
            } catch (Exception ex) {
                throw FunctionFailure.wrap(op, ex);
            }
            if (keep) {
                kept.add(pair);
            } else if (map.longValue(e) <= time - window) {
                gone[e] = true;
                dropped = true;
            }
        }
        if (dropped) {
            // Rebuilt rather than removed in place, which would reorder the remaining keys.
            CombineMap rest = CombineMap.ofLongs(map.size());
            for (int e = 0; e < map.size(); e++) {
                if (!gone[e]) {
                    Object key = map.key(e);
                    int hash = map.hash(e);
                    rest.insertAt(
                            rest.slotOf(key, hash), key, hash, map.value(e), map.longValue(e));
                }
            }
            state[p] = rest;
        }
        return Part.of(kept);
    }

    private Object call(Function2<Object, Object, Object> fn, Object a, Object b) {
        try {
            return fn.call(a, b);
        } catch (Exception ex) {
            throw FunctionFailure.wrap(op, ex);
        }
    }

    @Override
    public StateCapture capture() {
        long time = lastTime;
        CombineMap.Entries[] entries = new CombineMap.Entries[state == null ? 0 : partitions];
        for (int p = 0; p < entries.length; p++) {
            entries[p] = state[p].entries();
        }
        return out -> {
            out.writeLong(time);
            out.writeBoolean(entries.length > 0);
            if (entries.length > 0) {
                KeyedState.write(entries, out);
            }
        };
    }

    @Override
    public void restore(StateInput in, int version) throws IOException {
        lastTime = in.readLong();
        if (!in.readBoolean()) {
            state = null;
            return;
        }
        state = newState();
        long total = in.readLong();
        for (long i = 0; i < total; i++) {
            Object key = in.readValue();
            Object value = in.readValue();
            long seen = in.readLong();
            int hash = CombineMap.hashOf(key);
            CombineMap map = state[Shuffle.partitionOf(hash, partitions)];
            map.insertAt(map.slotOf(key, hash), key, hash, value, seen);
        }
    }
}
