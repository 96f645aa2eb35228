package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.List;

/**
 * {@code cogroup}, and the joins built on it: per batch time, the pairs of two parents hashed by
 * key into {@code numPartitions} partitions, each key with the list of its values on each side. A
 * key present on one side only has an empty list on the other.
 *
 * <p>Element type: {@code Tuple2<K, Tuple2<Iterable<V>, Iterable<W>>>}. Within a side, a key's
 * values keep their arrival order (by parent partition, then position). Both parents share one
 * slide.
 *
 * @param info the operator's identity
 * @param left the parent whose values come first in each group
 * @param right the parent whose values come second
 * @param numPartitions the number of partitions, 0 for the runner's default
 */
public record CogroupNode(OpInfo info, PlanNode left, PlanNode right, int numPartitions)
        implements PlanNode {

    @Override
    public List<PlanNode> parents() {
        return List.of(left, right);
    }

    @Override
    public Duration slide() {
        return left.slide();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
