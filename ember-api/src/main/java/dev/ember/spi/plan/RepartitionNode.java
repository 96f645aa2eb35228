package dev.ember.spi.plan;

/**
 * {@code repartition}: redistributes each batch evenly over exactly {@code numPartitions}
 * partitions.
 */
public record RepartitionNode(OpInfo info, PlanNode parent, int numPartitions)
        implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
