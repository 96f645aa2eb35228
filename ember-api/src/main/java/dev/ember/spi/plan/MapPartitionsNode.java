package dev.ember.spi.plan;

import dev.ember.streaming.function.FlatMapFunction;
import java.util.Iterator;

/** {@code mapPartitions}: the function sees each partition of a batch as one iterator. */
public record MapPartitionsNode(
        OpInfo info, PlanNode parent, FlatMapFunction<Iterator<Object>, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
