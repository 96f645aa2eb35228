package dev.ember.spi.plan;

import dev.ember.streaming.function.PairFunction;

/** {@code mapToPair}: one key-value pair per input element. */
public record MapToPairNode(OpInfo info, PlanNode parent, PairFunction<Object, Object, Object> fn)
        implements NarrowNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
