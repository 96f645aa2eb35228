package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.util.List;

/**
 * {@code reduceByKeyAndWindow} with an inverse function: each window is the previous window plus
 * the batches that entered it ({@code reduceFn}) minus those that left it ({@code invReduceFn}), so
 * its cost follows the slide's data, not the window's. Stateful: needs a checkpoint directory.
 *
 * @param info the operator's identity
 * @param parent the per-batch reduced pairs ({@link ReduceByKeyNode}) this window folds
 * @param reduceFn adds a value to a key's total
 * @param invReduceFn removes a value from a key's total: {@code invReduceFn(reduceFn(x, y), y) ==
 *     x}
 * @param windowDuration the window length
 * @param slideDuration the interval between windows
 * @param numPartitions the number of partitions, 0 for the runner's default
 * @param filterFn keeps the pairs for which it returns true (such as non-zero counts), or {@code
 *     null} to keep every key, zero-valued ones included, as Spark does
 */
public record ReducedWindowNode(
        OpInfo info,
        PlanNode parent,
        Function2<Object, Object, Object> reduceFn,
        Function2<Object, Object, Object> invReduceFn,
        Duration windowDuration,
        Duration slideDuration,
        int numPartitions,
        Function<Object, Boolean> filterFn)
        implements StatefulNode {

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
