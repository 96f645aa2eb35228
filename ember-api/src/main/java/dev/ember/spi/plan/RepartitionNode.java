package dev.ember.spi.plan;

/**
 * {@code repartition}: redistributes each batch evenly over exactly {@code numPartitions}
 * partitions.
 */
public record RepartitionNode(OpInfo info, PlanNode parent, int numPartitions)
        implements UnaryNode {}
