package dev.ember.spi.plan;

/**
 * {@code groupByKey}: per batch, each key with the list of its values. {@code numPartitions} 0
 * means the runner's default parallelism.
 */
public record GroupByKeyNode(OpInfo info, PlanNode parent, int numPartitions) implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
