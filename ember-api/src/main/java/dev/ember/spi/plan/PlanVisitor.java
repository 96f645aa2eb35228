package dev.ember.spi.plan;

/**
 * One question asked of every kind of plan node, answered per kind: how a runner translates,
 * computes or describes a node. {@link PlanNode#accept} calls the overload for the node's type.
 *
 * <p>There is no default: a runner implements every method, so a new kind of node fails to compile
 * in every runner that does not handle it yet, instead of failing at run time.
 *
 * @param <R> what the visitor returns for a node
 */
public interface PlanVisitor<R> {

    /** An input stream. */
    R visit(InputNode node);

    /** {@code map}. */
    R visit(MapNode node);

    /** {@code flatMap}. */
    R visit(FlatMapNode node);

    /** {@code filter}. */
    R visit(FilterNode node);

    /** {@code mapToPair}. */
    R visit(MapToPairNode node);

    /** {@code flatMapToPair}. */
    R visit(FlatMapToPairNode node);

    /** {@code mapValues}. */
    R visit(MapValuesNode node);

    /** {@code flatMapValues}. */
    R visit(FlatMapValuesNode node);

    /** {@code mapPartitions} and {@code glom}. */
    R visit(MapPartitionsNode node);

    /** {@code repartition}. */
    R visit(RepartitionNode node);

    /** {@code reduceByKey} (and {@code countByValue}). */
    R visit(ReduceByKeyNode node);

    /** {@code groupByKey}. */
    R visit(GroupByKeyNode node);

    /** {@code combineByKey}. */
    R visit(CombineByKeyNode node);

    /** {@code reduce}. */
    R visit(ReduceNode node);

    /** {@code count}. */
    R visit(CountNode node);

    /** {@code updateStateByKey}. */
    R visit(UpdateStateByKeyNode node);

    /** {@code mapWithState}. */
    R visit(MapWithStateNode node);

    /** {@code stateSnapshots} of a {@code mapWithState}. */
    R visit(StateSnapshotsNode node);

    /** {@code union}. */
    R visit(UnionNode node);

    /** {@code transform}, {@code transformWith} and their pair forms. */
    R visit(TransformNode node);

    /** {@code cogroup} and the joins. */
    R visit(CogroupNode node);

    /** {@code window}. */
    R visit(WindowNode node);

    /** A window reduced with an inverse function. */
    R visit(ReducedWindowNode node);

    /** An output operation. */
    R visit(OutputNode node);
}
