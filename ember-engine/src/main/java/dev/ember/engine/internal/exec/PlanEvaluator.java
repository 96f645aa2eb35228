package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.FatalError;
import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateCapture;
import dev.ember.engine.internal.state.StateInput;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Time;
import dev.ember.streaming.UserFunctionException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
public final class PlanEvaluator implements NodePlan.Batches {
    private static final String DASHES = "-------------------------------------------";

    private final StreamGraph graph;
    private final Engine engine;
    private final long zeroTime;
    private final PrintStream out;
    private final Map<PlanNode, NodePlan> plans = new IdentityHashMap<>();
    private final Map<PlanNode, Long> remember = new IdentityHashMap<>();
    private final Map<PlanNode, Boolean> materialize = new IdentityHashMap<>();
    private final Map<PlanNode, ConcurrentSkipListMap<Long, LocalBatch<?>>> memo =
            new IdentityHashMap<>();

    /**
     * Parents of windows (computed at each of their times, so their own inputs can go), and
     * keyed-state nodes with their snapshots (their state must follow every batch).
     */
    private final List<PlanNode> eager = new ArrayList<>();

    private final Map<PlanNode, WindowBuffer> windowBuffers = new IdentityHashMap<>();

    PlanEvaluator(StreamGraph graph, Engine engine, long zeroTime, PrintStream out) {
        this.graph = graph;
        this.engine = engine;
        this.zeroTime = zeroTime;
        this.out = out;
        LocalPlanner planner = new LocalPlanner(engine, zeroTime, this::print);
        Map<PlanNode, Integer> consumers = graph.consumerCounts();
        for (PlanNode node : graph.nodes()) {
            plans.put(node, planner.plan(node));
            memo.put(node, new ConcurrentSkipListMap<>());
            materialize.put(
                    node,
                    graph.persisted().contains(node.info().id())
                            || consumers.getOrDefault(node, 0) > 1);
        }
        for (PlanNode node : graph.nodes()) {
            NodePlan plan = plans.get(node);
            if (plan.windowSpan() > 0) {
                PlanNode parent = node.parents().get(0);
                materialize.put(parent, true);
                if (!eager.contains(parent)) {
                    eager.add(parent);
                }
            }
            // Keyed state must see every batch in order, whether or not an output reads it then.
            if (plan.everyBatch() && consumers.getOrDefault(node, 0) > 0 && !eager.contains(node)) {
                eager.add(node);
            }
        }
        // A node's batches are kept as long as a window downstream may read them. Children come
        // after parents, so walking backwards sees every consumer first; an eager node's parents
        // are only needed while its batch is computed, so nothing propagates past it.
        List<PlanNode> nodes = graph.nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            PlanNode node = nodes.get(i);
            long need = plans.get(node).windowSpan();
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

    /** Told when each output of a batch starts and ends. */
    interface OutputObserver {
        void started(int id, OutputNode output);

        /** {@code failure} is null when the output succeeded. */
        void completed(int id, OutputNode output, Throwable failure);
    }

    /**
     * Runs every output due at {@code time}, in declaration order, then forgets old batches.
     *
     * @param inputBlocks the records of each input for this batch
     */
    void runBatch(
            long time,
            Map<InputNode, ? extends List<? extends List<?>>> inputBlocks,
            OutputObserver observer) {
        for (Map.Entry<InputNode, ? extends List<? extends List<?>>> e : inputBlocks.entrySet()) {
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
                    reportingFailures(node, batchTime, () -> of(node, time));
                }
            }
            List<OutputNode> outputs = graph.outputs();
            for (int id = 0; id < outputs.size(); id++) {
                OutputNode output = outputs.get(id);
                if (!isValid(output, time)) {
                    continue;
                }
                observer.started(id, output);
                try {
                    reportingFailures(output, new Time(time), () -> of(output, time));
                } catch (RuntimeException | Error e) {
                    observer.completed(id, output, e);
                    throw e;
                }
                observer.completed(id, output, null);
            }
        } finally {
            forget(time);
        }
    }

    /** Runs part of a batch, turning failures into errors that name the operator and time. */
    private void reportingFailures(PlanNode node, Time batchTime, Runnable work) {
        String activity = "running the batch at " + batchTime + " (" + node.info().describe() + ")";
        engine.pool().activity(activity);
        try {
            work.run();
        } catch (Error e) {
            if (FatalError.isFatal(e)) {
                throw FatalError.stop(e, Thread.currentThread().getName(), activity);
            }
            throw e;
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

    /**
     * Everything this evaluator keeps across batches, by stable name: each stateful node's state,
     * and, under each window's name, the batches it still needs of its parent (its window buffer;
     * windows that read the same parent share it).
     */
    Map<StateKey, OperatorState> states() {
        Map<StateKey, OperatorState> states = new LinkedHashMap<>();
        for (PlanNode node : graph.nodes()) {
            NodePlan plan = plans.get(node);
            if (plan.state() != null) {
                states.put(new StateKey(graph.name(node), StateKey.Role.STATE), plan.state());
            }
            if (plan.windowSpan() > 0) {
                // Keyed by the window, not by its parent: the parent may be a narrow step whose
                // name moves when the program grows, the window's does not.
                states.put(
                        new StateKey(graph.name(node), StateKey.Role.WINDOW_BUFFER),
                        windowBuffers.computeIfAbsent(node.parents().get(0), WindowBuffer::new));
            }
        }
        return states;
    }

    /**
     * The batches of a window's parent that later windows still read: the memo's entries, which are
     * materialized and immutable, so a capture only copies the map.
     */
    private final class WindowBuffer implements OperatorState {
        private final PlanNode parent;

        WindowBuffer(PlanNode parent) {
            this.parent = parent;
        }

        @Override
        public String kind() {
            return "windowBuffer";
        }

        @Override
        public long size() {
            return memo.get(parent).size();
        }

        @Override
        public Map<String, String> shape() {
            return Map.of("slide", parent.slide().milliseconds() + " ms");
        }

        @Override
        public StateCapture capture() {
            Map<Long, LocalBatch<?>> batches = new TreeMap<>(memo.get(parent));
            return out -> {
                out.writeInt(batches.size());
                for (Map.Entry<Long, LocalBatch<?>> e : batches.entrySet()) {
                    out.writeLong(e.getKey());
                    List<Part> parts = e.getValue().parts();
                    out.writeInt(parts.size());
                    for (Part part : parts) {
                        out.writeInt(part.size());
                        for (Iterator<Object> it = part.iterator(); it.hasNext(); ) {
                            out.writeValue(it.next());
                        }
                    }
                }
            };
        }

        @Override
        public void restore(StateInput in, int version) throws IOException {
            ConcurrentSkipListMap<Long, LocalBatch<?>> batches = memo.get(parent);
            batches.clear();
            for (int b = in.readInt(); b > 0; b--) {
                long time = in.readLong();
                int count = in.readInt();
                List<Part> parts = new ArrayList<>(count);
                for (int p = 0; p < count; p++) {
                    int size = in.readInt();
                    List<Object> elements = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        elements.add(in.readValue());
                    }
                    parts.add(Part.of(elements));
                }
                batches.put(time, LocalBatch.of(engine, parts));
            }
        }
    }

    /** The time batch times count from. */
    long zeroTime() {
        return zeroTime;
    }

    /** For each stateful node, by stable name, the number of keys it holds now. */
    Map<String, Long> stateSizes() {
        Map<String, Long> sizes = new HashMap<>();
        for (NodePlan plan : plans.values()) {
            if (plan.state() != null) {
                sizes.put(graph.name(plan.node()), plan.state().size());
            }
        }
        return sizes;
    }

    @Override
    public LocalBatch<?> of(PlanNode node, long time) {
        ConcurrentSkipListMap<Long, LocalBatch<?>> batches = memo.get(node);
        LocalBatch<?> batch = batches.get(time);
        if (batch != null) {
            return batch;
        }
        if (!isValid(node, time)) {
            return LocalBatch.empty(engine);
        }
        NodePlan plan = plans.get(node);
        batch =
                plan.narrow() != null
                        ? of(node.parents().get(0), time).with(plan.narrow())
                        : plan.step().compute(time, this);
        if (materialize.get(node)) {
            batch = batch.materialize();
        }
        batches.put(time, batch);
        return batch;
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
}
