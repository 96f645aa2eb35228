package dev.ember.streaming;

import dev.ember.spi.plan.CombineByKeyNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapValuesNode;
import dev.ember.spi.plan.GroupByKeyNode;
import dev.ember.spi.plan.MapValuesNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.util.List;
import java.util.Objects;

/**
 * A stream of key-value pairs, as Spark's {@code JavaPairDStream}: a {@link DStream} of {@link
 * Tuple2} with the key-based operations.
 *
 * <p>Key-based operations hash the keys into partitions ({@code numPartitions}, or the master's
 * number of worker threads when not given) and combine values on the map side, so only one value
 * per key and map partition crosses the shuffle. Keys must have consistent {@code equals} and
 * {@code hashCode}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class PairDStream<K, V> extends DStream<Tuple2<K, V>> {

    PairDStream(StreamingContext context, PlanNode node) {
        super(context, node);
    }

    /** Per batch, the values of each key reduced by {@code reduceFn} (associative, commutative). */
    public PairDStream<K, V> reduceByKey(Function2<V, V, V> reduceFn) {
        return reduceByKey(reduceFn, 0);
    }

    /** {@link #reduceByKey(Function2)} into {@code numPartitions} partitions. */
    public PairDStream<K, V> reduceByKey(Function2<V, V, V> reduceFn, int numPartitions) {
        Objects.requireNonNull(reduceFn, "reduceFn");
        requireDefaultOrPositive("reduceByKey", numPartitions);
        return derivePair(
                "reduceByKey",
                info -> new ReduceByKeyNode(info, node, erase(reduceFn), numPartitions));
    }

    /** Per batch, each key with the list of its values, in arrival order within a partition. */
    public PairDStream<K, Iterable<V>> groupByKey() {
        return groupByKey(0);
    }

    /** {@link #groupByKey()} into {@code numPartitions} partitions. */
    public PairDStream<K, Iterable<V>> groupByKey(int numPartitions) {
        requireDefaultOrPositive("groupByKey", numPartitions);
        return derivePair("groupByKey", info -> new GroupByKeyNode(info, node, numPartitions));
    }

    /**
     * Per batch, the values of each key folded into a combiner: {@code createCombiner} makes one
     * from a key's first value in a partition, {@code mergeValue} adds further values, {@code
     * mergeCombiners} joins the combiners of different partitions.
     */
    public <C> PairDStream<K, C> combineByKey(
            Function<V, C> createCombiner,
            Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners,
            int numPartitions) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, numPartitions, true);
    }

    /** {@link #combineByKey(Function, Function2, Function2, int)} choosing map-side combine. */
    public <C> PairDStream<K, C> combineByKey(
            Function<V, C> createCombiner,
            Function2<C, V, C> mergeValue,
            Function2<C, C, C> mergeCombiners,
            int numPartitions,
            boolean mapSideCombine) {
        Objects.requireNonNull(createCombiner, "createCombiner");
        Objects.requireNonNull(mergeValue, "mergeValue");
        Objects.requireNonNull(mergeCombiners, "mergeCombiners");
        requireDefaultOrPositive("combineByKey", numPartitions);
        return derivePair(
                "combineByKey",
                info ->
                        new CombineByKeyNode(
                                info,
                                node,
                                erase(createCombiner),
                                erase(mergeValue),
                                erase(mergeCombiners),
                                numPartitions,
                                mapSideCombine));
    }

    /** Each value mapped by {@code fn}, keeping its key. */
    public <U> PairDStream<K, U> mapValues(Function<V, U> fn) {
        Objects.requireNonNull(fn, "fn");
        return derivePair("mapValues", info -> new MapValuesNode(info, node, erase(fn)));
    }

    /** Zero or more values per value, each paired with the original key. */
    public <U> PairDStream<K, U> flatMapValues(FlatMapFunction<V, U> fn) {
        Objects.requireNonNull(fn, "fn");
        return derivePair("flatMapValues", info -> new FlatMapValuesNode(info, node, erase(fn)));
    }

    @Override
    public PairDStream<K, V> filter(Function<Tuple2<K, V>, Boolean> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return derivePair("filter", info -> new FilterNode(info, node, erase(predicate)));
    }

    @Override
    public PairDStream<K, V> union(DStream<Tuple2<K, V>> that) {
        requireCompatible(that, "union");
        return derivePair("union", info -> new UnionNode(info, List.of(node, that.node)));
    }

    @Override
    public PairDStream<K, V> repartition(int numPartitions) {
        requirePartitions("repartition", numPartitions);
        return derivePair("repartition", info -> new RepartitionNode(info, node, numPartitions));
    }

    @Override
    public PairDStream<K, V> window(Duration windowDuration) {
        return window(windowDuration, slideDuration());
    }

    @Override
    public PairDStream<K, V> window(Duration windowDuration, Duration slideDuration) {
        return new PairDStream<>(context, windowNode(windowDuration, slideDuration));
    }

    @Override
    public PairDStream<K, V> cache() {
        return persist();
    }

    @Override
    public PairDStream<K, V> persist() {
        super.persist();
        return this;
    }

    @Override
    public PairDStream<K, V> persist(StorageLevel level) {
        super.persist(level);
        return this;
    }

    private static void requireDefaultOrPositive(String operator, int numPartitions) {
        if (numPartitions != 0) {
            requirePartitions(operator, numPartitions);
        }
    }
}
