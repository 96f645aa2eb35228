package dev.ember.spark.internal;

import dev.ember.spi.plan.CogroupNode;
import dev.ember.spi.plan.CombineByKeyNode;
import dev.ember.spi.plan.CountNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapNode;
import dev.ember.spi.plan.FlatMapToPairNode;
import dev.ember.spi.plan.FlatMapValuesNode;
import dev.ember.spi.plan.GroupByKeyNode;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.MapNode;
import dev.ember.spi.plan.MapPartitionsNode;
import dev.ember.spi.plan.MapToPairNode;
import dev.ember.spi.plan.MapValuesNode;
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.OutputAction;
import dev.ember.spi.plan.OutputNode;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The user objects a node holds, each with what it is and whether Spark ships it to executors:
 * functions of the operators that run in tasks, receivers, initial states. The functions of {@code
 * foreachRDD} and {@code transform} run on the driver and are not shipped (Spark does not serialise
 * them either unless it writes metadata checkpoints, which this runner does not); their classes
 * still count for the code that is shipped.
 */
final class PlanObjects implements PlanVisitor<List<PlanObjects.Held>> {

    /** One object of a node. */
    record Held(Object object, String what, boolean shipped) {}

    private static List<Held> shipped(Object... functions) {
        List<Held> held = new ArrayList<>();
        for (Object f : functions) {
            if (f != null) {
                held.add(new Held(f, "function", true));
            }
        }
        return held;
    }

    @Override
    public List<Held> visit(InputNode node) {
        return node.spec()
                .accept(
                        new InputSpec.Visitor<List<Held>>() {
                            @Override
                            public List<Held> visit(InputSpec.SocketText socket) {
                                return List.of();
                            }

                            @Override
                            public List<Held> visit(InputSpec.QueueInput queue) {
                                return List.of();
                            }

                            @Override
                            public List<Held> visit(InputSpec.ReceiverInput receiver) {
                                return List.of(new Held(receiver.receiver(), "receiver", true));
                            }

                            @Override
                            public List<Held> visit(InputSpec.SourceInput source) {
                                return List.of(new Held(source.source(), "source", false));
                            }
                        });
    }

    @Override
    public List<Held> visit(MapNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(FlatMapNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(FilterNode node) {
        return shipped(node.predicate());
    }

    @Override
    public List<Held> visit(MapToPairNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(FlatMapToPairNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(MapValuesNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(FlatMapValuesNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(MapPartitionsNode node) {
        return shipped(node.fn());
    }

    @Override
    public List<Held> visit(RepartitionNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(ReduceByKeyNode node) {
        return shipped(node.reduceFn());
    }

    @Override
    public List<Held> visit(GroupByKeyNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(CombineByKeyNode node) {
        return shipped(node.createCombiner(), node.mergeValue(), node.mergeCombiners());
    }

    @Override
    public List<Held> visit(ReduceNode node) {
        return shipped(node.reduceFn());
    }

    @Override
    public List<Held> visit(CountNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(UpdateStateByKeyNode node) {
        List<Held> held = shipped(node.updateFn());
        if (!node.initialState().isEmpty()) {
            held.add(new Held(new ArrayList<>(node.initialState()), "initial state", true));
        }
        return held;
    }

    @Override
    public List<Held> visit(MapWithStateNode node) {
        List<Held> held = shipped(node.mappingFn());
        if (!node.initialState().isEmpty()) {
            held.add(new Held(new ArrayList<>(node.initialState()), "initial state", true));
        }
        return held;
    }

    @Override
    public List<Held> visit(StateSnapshotsNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(UnionNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(TransformNode node) {
        return List.of(new Held(node.transformFn(), "function", false));
    }

    @Override
    public List<Held> visit(CogroupNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(WindowNode node) {
        return List.of();
    }

    @Override
    public List<Held> visit(ReducedWindowNode node) {
        return shipped(node.reduceFn(), node.invReduceFn(), node.filterFn());
    }

    @Override
    public List<Held> visit(OutputNode node) {
        return node.action()
                .accept(
                        new OutputAction.Visitor<List<Held>>() {
                            @Override
                            public List<Held> visit(OutputAction.Print print) {
                                return List.of();
                            }

                            @Override
                            public List<Held> visit(OutputAction.Foreach foreach) {
                                return List.of(new Held(foreach.fn(), "function", false));
                            }
                        });
    }
}
