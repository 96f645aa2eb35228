package dev.ember.spi.plan;

import dev.ember.streaming.function.Function;

/** {@code mapValues}: maps the value of each pair, keeping its key. */
public record MapValuesNode(OpInfo info, PlanNode parent, Function<Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
