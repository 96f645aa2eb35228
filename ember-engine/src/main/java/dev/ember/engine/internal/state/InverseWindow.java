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
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one {@code reduceByKeyAndWindow} with an inverse function.
 *
 * <p>Design: the window's current totals live in one {@link CombineMap} per partition, aligned with
 * the hash partitions of the per-batch reduced parent. When the previous window was computed one
 * slide ago, the next is that state minus the parent batches that left ({@code invReduceFn}) plus
 * those that entered ({@code reduceFn}): work in proportion to the slide's data. Otherwise (the
 * first windows, after a gap, or a window shorter than its slide) it is rebuilt from every batch in
 * the window. The filter, when given, is applied to the state itself, so filtered keys are gone
 * from later windows too, as in Spark. Each emitted batch is a copy of the state, so earlier
 * batches never change. Confined to the job thread, except that partitions are updated in parallel,
 * each by one task.
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

    public LocalBatch<?> compute(long time, ParentBatches parent, Engine engine) {
        List<LocalBatch<?>> added;
        List<LocalBatch<?>> removed;
        // Consecutive windows overlap only when the window is at least the slide; a shorter window
        // shares no batch with the previous one and is rebuilt, so it is exact.
        if (state != null && lastTime == time - slide && window >= slide) {
            added = batches(parent, time - slide, time);
            removed = batches(parent, time - slide - window, time - window);
        } else {
            state = new CombineMap[partitions];
            for (int p = 0; p < partitions; p++) {
                state[p] = new CombineMap();
            }
            added = batches(parent, time - window, time);
            removed = List.of();
        }
        lastTime = time;
        Part[] out = new Part[partitions];
        engine.pool()
                .runAll(
                        partitions,
                        p -> {
                            for (LocalBatch<?> b : removed) {
                                fold(b, p, false);
                            }
                            for (LocalBatch<?> b : added) {
                                fold(b, p, true);
                            }
                            if (node.filterFn() != null) {
                                state[p] = filtered(state[p]);
                            }
                            out[p] = state[p].pairs();
                        });
        return LocalBatch.of(engine, List.of(out));
    }

    /** The parent's batches in {@code (from, to]}, none before the zero time. */
    private List<LocalBatch<?>> batches(ParentBatches parent, long from, long to) {
        List<LocalBatch<?>> out = new ArrayList<>();
        for (long t = Math.max(from, zeroTime) + parentSlide; t <= to; t += parentSlide) {
            out.add(parent.at(t));
        }
        return out;
    }

    /** Adds (or, for a batch leaving the window, removes) the pairs of partition p. */
    private void fold(LocalBatch<?> batch, int p, boolean add) {
        CombineMap map = state[p];
        Sink sink =
                new Sink() {
                    @Override
                    public void accept(Object element) {
                        Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
                        Object key = pair._1();
                        int hash = key == null ? 0 : key.hashCode();
                        if (Shuffle.partitionOf(hash, partitions) != p) {
                            return;
                        }
                        int slot = map.slotOf(key, hash);
                        int e = map.entryAt(slot);
                        if (e >= 0) {
                            Function2<Object, Object, Object> fn =
                                    add ? node.reduceFn() : node.invReduceFn();
                            map.setValue(e, call(fn, map.value(e), pair._2()));
                        } else if (add) {
                            map.insertAt(slot, key, hash, pair._2());
                        }
                        // A leaving value whose key the filter already dropped: nothing to undo.
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

    private CombineMap filtered(CombineMap map) {
        Function<Object, Boolean> filter = node.filterFn();
        CombineMap kept = new CombineMap(map.size());
        for (int e = 0, n = map.size(); e < n; e++) {
            boolean keep;
            try {
                keep = filter.call(new Tuple2<>(map.key(e), map.value(e)));
            } catch (Exception ex) {
                throw FunctionFailure.wrap(op, ex);
            }
            if (keep) {
                Object key = map.key(e);
                int hash = map.hash(e);
                kept.insertAt(kept.slotOf(key, hash), key, hash, map.value(e));
            }
        }
        return kept;
    }

    private Object call(Function2<Object, Object, Object> fn, Object a, Object b) {
        try {
            return fn.call(a, b);
        } catch (Exception ex) {
            throw FunctionFailure.wrap(op, ex);
        }
    }
}
