package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/** A node with exactly one parent whose batches it transforms at the parent's slide. */
public sealed interface UnaryNode extends PlanNode
        permits NarrowNode,
                RepartitionNode,
                ReduceByKeyNode,
                GroupByKeyNode,
                CombineByKeyNode,
                ReduceNode,
                CountNode,
                UpdateStateByKeyNode,
                MapWithStateNode,
                StateSnapshotsNode {

    /** The node this one reads. */
    PlanNode parent();

    @Override
    default List<PlanNode> parents() {
        return List.of(parent());
    }

    @Override
    default Duration slide() {
        return parent().slide();
    }
}
