package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/**
 * {@code union}: the elements of every parent's batch for the same time; all parents share one
 * slide.
 */
public record UnionNode(OpInfo info, List<PlanNode> parents) implements PlanNode {
    @Override
    public Duration slide() {
        return parents.get(0).slide();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
