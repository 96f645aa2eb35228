package dev.ember.spi.plan;

import dev.ember.streaming.function.FlatMapFunction;

/** {@code flatMapValues}: zero or more values per pair, each with the pair's key. */
public record FlatMapValuesNode(OpInfo info, PlanNode parent, FlatMapFunction<Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
