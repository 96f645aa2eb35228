package dev.ember.spi.plan;

/**
 * {@code stateSnapshots} of a {@code mapWithState}: at each batch time, every key with its state
 * after that batch. Reads its parent's state, not its batches.
 *
 * @param info the operator's identity
 * @param parent the {@code mapWithState} whose state is read
 */
public record StateSnapshotsNode(OpInfo info, MapWithStateNode parent) implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
