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
import dev.ember.engine.internal.state.MapWithStateOp;
import dev.ember.engine.internal.state.UpdateStateByKeyOp;
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
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.OutputAction;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.PlanVisitor;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.ReduceNode;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.StateSnapshotsNode;
import dev.ember.spi.plan.TransformNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.spi.plan.UpdateStateByKeyNode;
import dev.ember.spi.plan.WindowNode;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Time;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates each plan node into how the local runner computes it ({@link NodePlan}): the one place
 * that asks what a node is. Narrow nodes become ops fused into their parent's loop; the others
 * become steps over the batches of their parents; stateful nodes get their state.
 */
final class LocalPlanner implements PlanVisitor<NodePlan> {
    private final Engine engine;
    private final long zeroTime;
    private final OutputRunner outputs;
    private final Map<PlanNode, NodePlan> planned = new IdentityHashMap<>();

    /** Runs an output's action on its parent's batch; supplied by the evaluator. */
    interface OutputRunner {
        void print(LocalBatch<?> batch, int num, Time time);
    }

    LocalPlanner(Engine engine, long zeroTime, OutputRunner outputs) {
        this.engine = engine;
        this.zeroTime = zeroTime;
        this.outputs = outputs;
    }

    /** The plan of {@code node}; parents must have been planned first. */
    NodePlan plan(PlanNode node) {
        NodePlan plan = node.accept(this);
        planned.put(node, plan);
        return plan;
    }

    @Override
    public NodePlan visit(InputNode node) {
        // An input's batches are put in the memo when the batch is cut; a time with none (before
        // the start, or dropped) has received nothing.
        return NodePlan.step(node, (time, batches) -> LocalBatch.empty(engine));
    }

    @Override
    public NodePlan visit(MapNode node) {
        return NodePlan.narrow(node, NarrowOp.map(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(FlatMapNode node) {
        return NodePlan.narrow(node, NarrowOp.flatMap(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(FilterNode node) {
        return NodePlan.narrow(node, NarrowOp.filter(node.info(), node.predicate()));
    }

    @Override
    public NodePlan visit(MapToPairNode node) {
        return NodePlan.narrow(node, NarrowOp.mapToPair(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(FlatMapToPairNode node) {
        return NodePlan.narrow(node, NarrowOp.flatMapToPair(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(MapValuesNode node) {
        return NodePlan.narrow(node, NarrowOp.mapValues(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(FlatMapValuesNode node) {
        return NodePlan.narrow(node, NarrowOp.flatMapValues(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(MapPartitionsNode node) {
        return NodePlan.narrow(node, NarrowOp.mapPartitions(node.info(), node.fn()));
    }

    @Override
    public NodePlan visit(RepartitionNode node) {
        int partitions = node.numPartitions();
        return NodePlan.step(
                node, (time, batches) -> repartition(batches.of(node.parent(), time), partitions));
    }

    @Override
    public NodePlan visit(ReduceByKeyNode node) {
        return shuffle(
                node,
                node.parent(),
                Combiner.reduce(node.info(), node.reduceFn()),
                node.numPartitions());
    }

    @Override
    public NodePlan visit(GroupByKeyNode node) {
        return shuffle(node, node.parent(), Combiner.group(node.info()), node.numPartitions());
    }

    @Override
    public NodePlan visit(CombineByKeyNode node) {
        Combiner combiner =
                Combiner.combine(
                        node.info(),
                        node.createCombiner(),
                        node.mergeValue(),
                        node.mergeCombiners(),
                        node.mapSideCombine());
        return shuffle(node, node.parent(), combiner, node.numPartitions());
    }

    @Override
    public NodePlan visit(ReduceNode node) {
        return NodePlan.step(
                node,
                (time, batches) -> {
                    Object result =
                            batches.of(node.parent(), time).reduceAll(node.info(), node.reduceFn());
                    return LocalBatch.isNone(result)
                            ? LocalBatch.empty(engine)
                            : LocalBatch.of(engine, List.of(Part.of(List.of(result))));
                });
    }

    @Override
    public NodePlan visit(CountNode node) {
        return NodePlan.step(
                node,
                (time, batches) -> {
                    long count = batches.of(node.parent(), time).count();
                    return LocalBatch.of(engine, List.of(Part.of(List.of(count))));
                });
    }

    @Override
    public NodePlan visit(UpdateStateByKeyNode node) {
        UpdateStateByKeyOp op = new UpdateStateByKeyOp(node, engine);
        return NodePlan.stateful(
                node, op, 0, (time, batches) -> op.compute(time, batches.of(node.parent(), time)));
    }

    @Override
    public NodePlan visit(MapWithStateNode node) {
        MapWithStateOp op = new MapWithStateOp(node, engine);
        return NodePlan.stateful(
                node, op, 0, (time, batches) -> op.compute(time, batches.of(node.parent(), time)));
    }

    @Override
    public NodePlan visit(StateSnapshotsNode node) {
        MapWithStateOp op = (MapWithStateOp) planned.get(node.parent()).state();
        return NodePlan.followingEveryBatch(
                node,
                (time, batches) -> {
                    batches.of(node.parent(), time);
                    return op.snapshot(time);
                });
    }

    @Override
    public NodePlan visit(UnionNode node) {
        return NodePlan.step(
                node,
                (time, batches) -> {
                    List<LocalBatch<?>> parts = new ArrayList<>();
                    for (PlanNode p : node.parents()) {
                        parts.add(batches.of(p, time));
                    }
                    return LocalBatch.union(engine, parts);
                });
    }

    @Override
    public NodePlan visit(TransformNode node) {
        return NodePlan.step(node, (time, batches) -> transform(node, time, batches));
    }

    @Override
    public NodePlan visit(CogroupNode node) {
        int partitions = engine.partitions(node.numPartitions());
        return NodePlan.step(
                node,
                (time, batches) ->
                        LocalBatch.of(
                                engine,
                                Cogroup.run(
                                        node.info(),
                                        batches.of(node.left(), time),
                                        batches.of(node.right(), time),
                                        partitions)));
    }

    @Override
    public NodePlan visit(WindowNode node) {
        long slide = node.parent().slide().milliseconds();
        long length = node.windowDuration().milliseconds();
        return NodePlan.window(
                node,
                length,
                (time, batches) -> {
                    List<LocalBatch<?>> window = new ArrayList<>();
                    for (long t = Math.max(time - length, zeroTime) + slide;
                            t <= time;
                            t += slide) {
                        window.add(batches.of(node.parent(), t));
                    }
                    return LocalBatch.union(engine, window);
                });
    }

    @Override
    public NodePlan visit(ReducedWindowNode node) {
        InverseWindow window =
                new InverseWindow(node, engine.partitions(node.numPartitions()), zeroTime);
        long span = node.windowDuration().milliseconds() + node.slideDuration().milliseconds();
        return NodePlan.stateful(
                node,
                window,
                span,
                (time, batches) -> window.compute(time, t -> batches.of(node.parent(), t), engine));
    }

    @Override
    public NodePlan visit(OutputNode node) {
        OutputStep step =
                node.action()
                        .accept(
                                new OutputAction.Visitor<OutputStep>() {
                                    @Override
                                    public OutputStep visit(OutputAction.Print print) {
                                        return (batch, time) ->
                                                outputs.print(batch, print.num(), time);
                                    }

                                    @Override
                                    public OutputStep visit(OutputAction.Foreach foreach) {
                                        return (batch, time) -> {
                                            try {
                                                foreach.fn().call(cast(batch), time);
                                            } catch (FunctionFailure e) {
                                                throw e;
                                            } catch (Exception e) {
                                                throw FunctionFailure.wrap(node.info(), e);
                                            }
                                        };
                                    }
                                });
        return NodePlan.step(
                node,
                (time, batches) -> {
                    step.run(batches.of(node.parent(), time), new Time(time));
                    return LocalBatch.empty(engine);
                });
    }

    /** What an output does with its parent's batch. */
    private interface OutputStep {
        void run(LocalBatch<?> batch, Time time);
    }

    private NodePlan shuffle(PlanNode node, PlanNode parent, Combiner combiner, int partitions) {
        int n = engine.partitions(partitions);
        return NodePlan.step(
                node,
                (time, batches) ->
                        LocalBatch.of(engine, Shuffle.run(batches.of(parent, time), combiner, n)));
    }

    private LocalBatch<?> transform(TransformNode node, long time, NodePlan.Batches batches) {
        List<Batch<Object>> inputs = new ArrayList<>();
        for (PlanNode p : node.parents()) {
            inputs.add(cast(batches.of(p, time)));
        }
        Batch<Object> result;
        try {
            result = node.transformFn().call(inputs, new Time(time));
        } catch (FunctionFailure e) {
            throw e;
        } catch (Exception e) {
            throw FunctionFailure.wrap(node.info(), e);
        }
        if (result == null) {
            throw new FunctionFailure(
                    node.info(),
                    new NullPointerException(
                            "the transform function returned null; return an empty batch"
                                    + " (batch.filter(x -> false)) instead"));
        }
        return LocalBatch.of(result);
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

    @SuppressWarnings("unchecked")
    private static <T> Batch<T> cast(LocalBatch<?> batch) {
        return (Batch<T>) batch;
    }
}
