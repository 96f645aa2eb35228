package dev.ember.spi.plan;

import dev.ember.streaming.function.Function2;

/**
 * {@code reduceByKey}: per batch, the values of each key reduced to one. {@code numPartitions} 0
 * means the runner's default parallelism.
 */
public record ReduceByKeyNode(
        OpInfo info, PlanNode parent, Function2<Object, Object, Object> reduceFn, int numPartitions)
        implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
