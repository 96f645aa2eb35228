package dev.ember.spi.plan;

import dev.ember.streaming.function.FlatMapFunction;

/** {@code flatMap}: zero or more output elements per input element. */
public record FlatMapNode(OpInfo info, PlanNode parent, FlatMapFunction<Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
