package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/**
 * An output operation ({@code print}, {@code foreachRDD}); outputs run one at a time, in the order
 * they were declared.
 */
public record OutputNode(OpInfo info, PlanNode parent, OutputAction action) implements PlanNode {
    @Override
    public List<PlanNode> parents() {
        return List.of(parent);
    }

    @Override
    public Duration slide() {
        return parent.slide();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
