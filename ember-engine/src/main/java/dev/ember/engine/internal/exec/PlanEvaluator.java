package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.NarrowOp;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.batch.Sink;
import dev.ember.engine.internal.shuffle.Cogroup;
import dev.ember.engine.internal.shuffle.Combiner;
import dev.ember.engine.internal.shuffle.Shuffle;
import dev.ember.engine.internal.state.InverseWindow;
import dev.ember.engine.internal.state.StatefulOp;
import dev.ember.spi.plan.CogroupNode;
import dev.ember.spi.plan.CombineByKeyNode;
import dev.ember.spi.plan.CountNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapNode;
import dev.ember.spi.plan.FlatMapToPairNode;
import dev.ember.spi.plan.FlatMapValuesNode;
import dev.ember.spi.plan.GroupByKeyNode;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.MapNode;
import dev.ember.spi.plan.MapPartitionsNode;
import dev.ember.spi.plan.MapToPairNode;
import dev.ember.spi.plan.MapValuesNode;
import dev.ember.spi.plan.OpInfo;
import dev.ember.spi.plan.OutputAction;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.ReduceNode;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.StateSnapshotsNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.spi.plan.TransformNode;
import dev.ember.spi.plan.UnaryNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.spi.plan.WindowNode;
import dev.ember.streaming.Batch;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Time;
import dev.ember.streaming.UserFunctionException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Computes the batches of a graph for one batch time at a time, and runs its outputs.
 *
 * <p>Design: narrow nodes only extend a batch's op chain, so a chain of them runs as one fused loop
 * when a shuffle, an action or an output needs the data. A node's batch is computed at most once
 * per time and kept in a memo; nodes read by several consumers, marked with cache(), or read by a
 * window are materialized so that work is shared. Each node keeps its batches for as long as a
 * window downstream may still read them (its remember duration); everything else is dropped when
 * the batch completes. Confined to the job thread: the scheduler hands input cuts over with each
 * job. The one exception is {@link #slice}, which user threads call: each node's memo is a
 * concurrent map, filled and trimmed only by the job thread, and the batches in it are immutable,
 * so a reader sees a consistent set of whole batches without a lock. The map of memos itself is
 * built in the constructor and never changes.
 */
public final class PlanEvaluator {
    private static final String DASHES = "-------------------------------------------";

    private final StreamGraph graph;
    private final Engine engine;
    private final long zeroTime;
    private final PrintStream out;
    private final Map<PlanNode, NarrowOp> narrowOps = new IdentityHashMap<>();
    private final Map<PlanNode, Long> remember = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> materialize = new IdentityHashMap<>();
    private final Map<PlanNode, ConcurrentSkipListMap<Long, LocalBatch<?>>> memo =
            new IdentityHashMap<>();
    private final Map<PlanNode, InverseWindow> inverseWindows = new IdentityHashMap<>();
    private final Map<PlanNode, StatefulOp> statefulOps = new IdentityHashMap<>();

    /**
     * Parents of windows (computed at each of their times, so their own inputs can go), and
     * keyed-state nodes with their snapshots (their state must follow every batch).
     */
    private final List<PlanNode> eager = new ArrayList<>();

    public PlanEvaluator(StreamGraph graph, Engine engine, long zeroTime, PrintStream out) {
        this.graph = graph;
        this.engine = engine;
        this.zeroTime = zeroTime;
        this.out = out;
        Map<PlanNode, Integer> consumers = graph.consumerCounts();
        for (PlanNode node : graph.nodes()) {
            NarrowOp op = narrowOp(node);
            if (op != null) {
                narrowOps.put(node, op);
            }
            memo.put(node, new ConcurrentSkipListMap<>());
            materialize.put(
                    node,
                    graph.persisted().contains(node.info().id())
                            || consumers.getOrDefault(node, 0) > 1);
        }
        for (PlanNode node : graph.nodes()) {
            long span = windowSpan(node);
            if (span > 0) {
                PlanNode parent = node.parents().get(0);
                materialize.put(parent, true);
                if (!eager.contains(parent)) {
                    eager.add(parent);
                }
            }
            if (node instanceof ReducedWindowNode r) {
                inverseWindows.put(
                        node, new InverseWindow(r, engine.partitions(r.numPartitions()), zeroTime));
            }
            // Keyed state must see every batch in order, whether or not an output reads it then.
            StatefulOp stateful = StatefulOp.of(node, engine);
            if (stateful != null) {
                statefulOps.put(node, stateful);
            }
            if ((stateful != null || node instanceof StateSnapshotsNode)
                    && consumers.getOrDefault(node, 0) > 0
                    && !eager.contains(node)) {
                eager.add(node);
            }
        }
        // A node's batches are kept as long as a window downstream may read them. Children come
        // after parents, so walking backwards sees every consumer first; an eager node's parents
        // are only needed while its batch is computed, so nothing propagates past it.
        List<PlanNode> nodes = graph.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            PlanNode node = nodes.get(i);
            long need = windowSpan(node);
            if (need == 0 && !eager.contains(node)) {
                need = remember.getOrDefault(node, 0L);
            }
            for (PlanNode parent : node.parents()) {
                remember.merge(parent, need, Math::max);
            }
        }
        eager.sort((a, b) -> Integer.compare(a.info().id(), b.info().id()));
        if (graph.rememberDuration() != null) {
            long keep = graph.rememberDuration().milliseconds();
            for (PlanNode node : nodes) {
                remember.merge(node, keep, Math::max);
            }
        }
    }

    /** How far back a window node reads its parent; 0 for other nodes. */
    private static long windowSpan(PlanNode node) {
        if (node instanceof WindowNode w) {
            return w.windowDuration().milliseconds();
        }
        if (node instanceof ReducedWindowNode r) {
            return r.windowDuration().milliseconds() + r.slideDuration().milliseconds();
        }
        return 0;
    }

    private static NarrowOp narrowOp(PlanNode node) {
        OpInfo i = node.info();
        if (node instanceof MapNode n) {
            return NarrowOp.map(i, n.fn());
        } else if (node instanceof FilterNode n) {
            return NarrowOp.filter(i, n.predicate());
        } else if (node instanceof FlatMapNode n) {
            return NarrowOp.flatMap(i, n.fn());
        } else if (node instanceof MapToPairNode n) {
            return NarrowOp.mapToPair(i, n.fn());
        } else if (node instanceof FlatMapToPairNode n) {
            return NarrowOp.flatMapToPair(i, n.fn());
        } else if (node instanceof MapValuesNode n) {
            return NarrowOp.mapValues(i, n.fn());
        } else if (node instanceof FlatMapValuesNode n) {
            return NarrowOp.flatMapValues(i, n.fn());
        } else if (node instanceof MapPartitionsNode n) {
            return NarrowOp.mapPartitions(i, n.fn());
        }
        return null;
    }

    /** Runs every output due at {@code time}, in declaration order, then forgets old batches. */
    public void runBatch(long time, Map<InputNode, List<List<?>>> inputBlocks) {
        for (Map.Entry<InputNode, List<List<?>>> e : inputBlocks.entrySet()) {
            memo.get(e.getKey())
                    .put(
                            time,
                            LocalBatch.of(
                                    engine,
                                    Part.balance(e.getValue(), engine.defaultParallelism())));
        }
        try {
            for (PlanNode node : eager) {
                if (isValid(node, time)) {
                    Time batchTime = new Time(time);
                    reportingFailures(node, batchTime, () -> batchOf(node, time));
                }
            }
            for (OutputNode output : graph.outputs()) {
                runOutput(output, time);
            }
        } finally {
            forget(time);
        }
    }

    private void runOutput(OutputNode output, long time) {
        if (!isValid(output, time)) {
            return;
        }
        Time batchTime = new Time(time);
        reportingFailures(
                output,
                batchTime,
                () -> {
                    LocalBatch<?> batch = batchOf(output.parent(), time);
                    if (output.action() instanceof OutputAction.Print p) {
                        print(batch, p.num(), batchTime);
                    } else if (output.action() instanceof OutputAction.Foreach f) {
                        try {
                            f.fn().call(cast(batch), batchTime);
                        } catch (FunctionFailure e) {
                            throw e;
                        } catch (Exception e) {
                            throw new FunctionFailure(output.info(), e);
                        }
                    }
                });
    }

    /** Runs part of a batch, turning failures into errors that name the operator and time. */
    private static void reportingFailures(PlanNode node, Time batchTime, Runnable work) {
        try {
            work.run();
        } catch (FunctionFailure e) {
            throw new UserFunctionException(e.op.describe(), batchTime, e.getCause());
        } catch (StreamingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StreamingException(
                    "Batch " + batchTime + " failed in " + node.info().describe() + ": " + e, e);
        }
    }

    private void print(LocalBatch<?> batch, int num, Time time) {
        List<?> first = batch.take(num + 1);
        StringBuilder sb = new StringBuilder(256);
        sb.append(DASHES).append('\n');
        sb.append("Time: ").append(time).append('\n');
        sb.append(DASHES).append('\n');
        for (int i = 0; i < Math.min(num, first.size()); i++) {
            sb.append(first.get(i)).append('\n');
        }
        if (first.size() > num) {
            sb.append("...\n");
        }
        sb.append('\n');
        out.print(sb);
        out.flush();
    }

    private boolean isValid(PlanNode node, long time) {
        long since = time - zeroTime;
        return since > 0 && since % node.slide().milliseconds() == 0;
    }

    /** The node's batch at {@code time}, or an empty batch when the node has none then. */
    public LocalBatch<?> batchOf(PlanNode node, long time) {
        ConcurrentSkipListMap<Long, LocalBatch<?>> batches = memo.get(node);
        LocalBatch<?> batch = batches.get(time);
        if (batch != null) {
            return batch;
        }
        if (!isValid(node, time)) {
            return LocalBatch.empty(engine);
        }
        batch = compute(node, time);
        if (materialize.get(node)) {
            batch = batch.materialize();
        }
        batches.put(time, batch);
        return batch;
    }

    private LocalBatch<?> compute(PlanNode node, long time) {
        NarrowOp op = narrowOps.get(node);
        if (op != null) {
            return batchOf(((UnaryNode) node).parent(), time).with(op);
        }
        if (node instanceof InputNode) {
            // An input cut before the context started, or dropped: nothing arrived.
            return LocalBatch.empty(engine);
        }
        if (node instanceof UnionNode u) {
            List<LocalBatch<?>> parts = new ArrayList<>();
            for (PlanNode p : u.parents()) {
                parts.add(batchOf(p, time));
            }
            return LocalBatch.union(engine, parts);
        }
        if (node instanceof WindowNode w) {
            return window(w, time);
        }
        if (node instanceof ReducedWindowNode r) {
            return inverseWindows.get(node).compute(time, t -> batchOf(r.parent(), t), engine);
        }
        if (statefulOps.containsKey(node)) {
            return statefulOps.get(node).compute(time, batchOf(node.parents().get(0), time));
        }
        if (node instanceof StateSnapshotsNode s) {
            batchOf(s.parent(), time);
            return statefulOps.get(s.parent()).snapshot(time);
        }
        if (node instanceof TransformNode t) {
            return transform(t, time);
        }
        if (node instanceof CogroupNode c) {
            int n = engine.partitions(c.numPartitions());
            return LocalBatch.of(
                    engine,
                    Cogroup.run(c.info(), batchOf(c.left(), time), batchOf(c.right(), time), n));
        }
        if (node instanceof RepartitionNode r) {
            return repartition(batchOf(r.parent(), time), r.numPartitions());
        }
        if (node instanceof ReduceByKeyNode r) {
            return shuffle(
                    r.parent(), time, Combiner.reduce(r.info(), r.reduceFn()), r.numPartitions());
        }
        if (node instanceof GroupByKeyNode g) {
            return shuffle(g.parent(), time, Combiner.group(g.info()), g.numPartitions());
        }
        if (node instanceof CombineByKeyNode c) {
            return shuffle(
                    c.parent(),
                    time,
                    Combiner.combine(
                            c.info(),
                            c.createCombiner(),
                            c.mergeValue(),
                            c.mergeCombiners(),
                            c.mapSideCombine()),
                    c.numPartitions());
        }
        if (node instanceof ReduceNode r) {
            Object result = batchOf(r.parent(), time).reduceAll(r.info(), r.reduceFn());
            return LocalBatch.isNone(result)
                    ? LocalBatch.empty(engine)
                    : LocalBatch.of(engine, List.of(Part.of(List.of(result))));
        }
        if (node instanceof CountNode c) {
            long count = batchOf(c.parent(), time).count();
            return LocalBatch.of(engine, List.of(Part.of(List.of(count))));
        }
        throw new IllegalStateException("the local runner cannot run " + node.info().describe());
    }

    private LocalBatch<?> window(WindowNode w, long time) {
        long slide = w.parent().slide().milliseconds();
        long from = time - w.windowDuration().milliseconds();
        List<LocalBatch<?>> batches = new ArrayList<>();
        for (long t = Math.max(from + slide, zeroTime + slide); t <= time; t += slide) {
            batches.add(batchOf(w.parent(), t));
        }
        return LocalBatch.union(engine, batches);
    }

    private LocalBatch<?> transform(TransformNode t, long time) {
        List<Batch<Object>> inputs = new ArrayList<>();
        for (PlanNode p : t.parents()) {
            inputs.add(cast(batchOf(p, time)));
        }
        Batch<Object> result;
        try {
            result = t.transformFn().call(inputs, new Time(time));
        } catch (FunctionFailure e) {
            throw e;
        } catch (Exception e) {
            throw new FunctionFailure(t.info(), e);
        }
        if (result == null) {
            throw new FunctionFailure(
                    t.info(),
                    new NullPointerException(
                            "the transform function returned null; return an empty batch"
                                    + " (batch.filter(x -> false)) instead"));
        }
        return LocalBatch.of(result);
    }

    private LocalBatch<?> shuffle(PlanNode parent, long time, Combiner combiner, int partitions) {
        int n = engine.partitions(partitions);
        return LocalBatch.of(engine, Shuffle.run(batchOf(parent, time), combiner, n));
    }

    private LocalBatch<?> repartition(LocalBatch<?> batch, int partitions) {
        List<List<?>> chunks = new ArrayList<>();
        for (Part p : batch.parts()) {
            List<Object> all = new ArrayList<>(p.size());
            p.pushTo(
                    new Sink() {
                        @Override
                        public void accept(Object e) {
                            all.add(e);
                        }
                    });
            chunks.add(all);
        }
        List<Part> parts = new ArrayList<>(Part.balance(chunks, partitions));
        while (parts.size() < partitions) {
            parts.add(Part.EMPTY);
        }
        return LocalBatch.of(engine, parts);
    }

    /**
     * The remembered batches of {@code node} in {@code [from, to]}, each bound floored to a valid
     * time of the node as Spark's DStream.slice does. Called from any thread; see the class note.
     */
    public List<LocalBatch<?>> slice(PlanNode node, long from, long to) {
        ConcurrentSkipListMap<Long, LocalBatch<?>> batches = memo.get(node);
        if (batches == null) {
            throw new IllegalArgumentException(
                    node.info().describe() + " is not part of the running graph");
        }
        long slide = node.slide().milliseconds();
        long alignedFrom = zeroTime + Math.floorDiv(from - zeroTime, slide) * slide;
        long alignedTo = zeroTime + Math.floorDiv(to - zeroTime, slide) * slide;
        return List.copyOf(batches.subMap(alignedFrom, true, alignedTo, true).values());
    }

    private void forget(long time) {
        for (Map.Entry<PlanNode, ConcurrentSkipListMap<Long, LocalBatch<?>>> e : memo.entrySet()) {
            long keep = remember.getOrDefault(e.getKey(), 0L);
            e.getValue().headMap(time - keep, true).clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Batch<T> cast(LocalBatch<?> batch) {
        return (Batch<T>) batch;
    }
}
