package dev.ember.spi.plan;

import dev.ember.streaming.function.PairFlatMapFunction;

/** {@code flatMapToPair}: zero or more key-value pairs per input element. */
public record FlatMapToPairNode(
        OpInfo info, PlanNode parent, PairFlatMapFunction<Object, Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
