package dev.ember.spi.plan;

import dev.ember.streaming.function.Function2;

/** {@code reduce}: each non-empty batch reduced to a single element; an empty batch stays empty. */
public record ReduceNode(OpInfo info, PlanNode parent, Function2<Object, Object, Object> reduceFn)
        implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
