package dev.ember.spi.plan;

import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;

/**
 * {@code combineByKey}: per batch, the values of each key folded into a combiner. {@code
 * numPartitions} 0 means the runner's default parallelism.
 */
public record CombineByKeyNode(
        OpInfo info,
        PlanNode parent,
        Function<Object, Object> createCombiner,
        Function2<Object, Object, Object> mergeValue,
        Function2<Object, Object, Object> mergeCombiners,
        int numPartitions,
        boolean mapSideCombine)
        implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
