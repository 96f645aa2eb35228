package dev.ember.spi.plan;

import dev.ember.streaming.Batch;
import dev.ember.streaming.Duration;
import dev.ember.streaming.Time;
import dev.ember.streaming.function.Function2;
import java.util.List;

/**
 * {@code transform}, {@code transformToPair} and {@code transformWith}: a user function from the
 * parents' batches of one time to a new batch.
 */
public record TransformNode(
        OpInfo info,
        List<PlanNode> parents,
        Function2<List<Batch<Object>>, Time, Batch<Object>> transformFn)
        implements PlanNode {
    @Override
    public Duration slide() {
        return parents.get(0).slide();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
