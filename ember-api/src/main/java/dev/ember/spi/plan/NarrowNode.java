package dev.ember.spi.plan;

/**
 * A node that turns each element, or each partition, of its parent's batch into zero or more
 * elements, with no exchange between partitions and nothing kept between batches: {@code map},
 * {@code flatMap}, {@code filter}, {@code mapToPair}, {@code flatMapToPair}, {@code mapValues},
 * {@code flatMapValues} and {@code mapPartitions}. Runners fuse chains of them into one loop.
 */
public sealed interface NarrowNode extends UnaryNode
        permits MapNode,
                FlatMapNode,
                FilterNode,
                MapToPairNode,
                FlatMapToPairNode,
                MapValuesNode,
                FlatMapValuesNode,
                MapPartitionsNode {}
