package dev.ember.spi.plan;

/**
 * {@code count}: each batch becomes one element, its number of elements ({@code 0} for an empty
 * batch).
 */
public record CountNode(OpInfo info, PlanNode parent) implements UnaryNode {
    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
