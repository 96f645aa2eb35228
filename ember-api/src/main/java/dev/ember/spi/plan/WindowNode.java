package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/**
 * {@code window}: at times that are multiples of {@code slideDuration}, the union of the parent's
 * batches in {@code (t - windowDuration, t]}.
 */
public record WindowNode(
        OpInfo info, PlanNode parent, Duration windowDuration, Duration slideDuration)
        implements PlanNode {
    @Override
    public List<PlanNode> parents() {
        return List.of(parent);
    }

    @Override
    public Duration slide() {
        return slideDuration;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
