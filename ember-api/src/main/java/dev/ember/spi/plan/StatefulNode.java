package dev.ember.spi.plan;

import dev.ember.streaming.Duration;

/**
 * A node that carries state from batch to batch: {@code updateStateByKey}, {@code mapWithState} and
 * windows reduced with an inverse function. Such nodes need a checkpoint directory, and their state
 * is what checkpoints save.
 */
public sealed interface StatefulNode extends PlanNode
        permits UpdateStateByKeyNode, MapWithStateNode, ReducedWindowNode {

    /**
     * The checkpoint interval when the program sets none, as in Spark: ten slides for {@code
     * mapWithState}; for the others, the smallest multiple of the slide that is at least 10 s.
     */
    default Duration defaultCheckpointInterval() {
        long slide = slide().milliseconds();
        long slides = (10_000 + slide - 1) / slide;
        return new Duration(slides * slide);
    }
}
