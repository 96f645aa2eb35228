package dev.ember.spi.plan;

import dev.ember.streaming.function.Function;

/** {@code filter}: keeps the elements for which the predicate is true. */
public record FilterNode(OpInfo info, PlanNode parent, Function<Object, Boolean> predicate)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
