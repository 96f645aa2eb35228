package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/**
 * One operator of the immutable logical plan that the API records. Runners translate these nodes;
 * they never see user-facing stream objects.
 */
public sealed interface PlanNode
        permits InputNode,
                UnaryNode,
                UnionNode,
                TransformNode,
                CogroupNode,
                WindowNode,
                OutputNode,
                StatefulNode {

    /** The operator's identity. */
    OpInfo info();

    /** The nodes this one reads, in order. */
    List<PlanNode> parents();

    /** The interval at which this node produces batches: the batch interval, or a window slide. */
    Duration slide();

    /** Asks {@code visitor} the question it stands for about this node. */
    <R> R accept(PlanVisitor<R> visitor);
}
