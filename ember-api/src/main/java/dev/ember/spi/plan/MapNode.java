package dev.ember.spi.plan;

import dev.ember.streaming.function.Function;

/** {@code map}: one output element per input element. */
public record MapNode(OpInfo info, PlanNode parent, Function<Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
