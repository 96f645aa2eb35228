package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/** An input stream; {@code spec} says what kind. Its slide is the batch interval. */
public record InputNode(OpInfo info, InputSpec spec, Duration slide) implements PlanNode {
    @Override
    public List<PlanNode> parents() {
        return List.of();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
