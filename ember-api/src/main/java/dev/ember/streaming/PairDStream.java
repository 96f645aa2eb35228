package dev.ember.streaming;

import dev.ember.spi.plan.CogroupNode;
import dev.ember.spi.plan.CombineByKeyNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapValuesNode;
import dev.ember.spi.plan.GroupByKeyNode;
import dev.ember.spi.plan.MapValuesNode;
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.spi.plan.UpdateStateByKeyNode;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Per window of {@code windowDuration} sliding every batch, the values of each key reduced by
     * {@code reduceFn}.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(
            Function2<V, V, V> reduceFn, Duration windowDuration) {
        return reduceByKeyAndWindow(reduceFn, windowDuration, slideDuration(), 0);
    }

    /**
     * At times that are multiples of {@code slideDuration}, the values of each key in the window
     * {@code (t - windowDuration, t]} reduced by {@code reduceFn}. Both durations must be multiples
     * of this stream's slide. Each window is reduced from scratch; see the form with an inverse
     * function for long windows.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(
            Function2<V, V, V> reduceFn, Duration windowDuration, Duration slideDuration) {
        return reduceByKeyAndWindow(reduceFn, windowDuration, slideDuration, 0);
    }

    /** {@link #reduceByKeyAndWindow(Function2, Duration, Duration)} into {@code numPartitions}. */
    public PairDStream<K, V> reduceByKeyAndWindow(
            Function2<V, V, V> reduceFn,
            Duration windowDuration,
            Duration slideDuration,
            int numPartitions) {
        Objects.requireNonNull(reduceFn, "reduceFn");
        requireWindow("reduceByKeyAndWindow", windowDuration, slideDuration);
        requireDefaultOrPositive("reduceByKeyAndWindow", numPartitions);
        return reduceByKey(reduceFn, numPartitions)
                .window(windowDuration, slideDuration)
                .reduceByKey(reduceFn, numPartitions);
    }

    /**
     * Windowed reduce maintained incrementally: each window is the previous one plus the batches
     * that entered it ({@code reduceFn}) minus those that left it ({@code invReduceFn}, with {@code
     * invReduceFn(reduceFn(x, y), y) == x}), so the cost of a window follows the slide's data, not
     * the window's. As in Spark, keys whose value returns to the zero stay in the window unless a
     * filter removes them, and the context needs a checkpoint directory. The window must not be
     * shorter than the slide: consecutive windows must overlap for the inverse function to help.
     *
     * @throws InvalidPipelineException when {@code windowDuration} is shorter than {@code
     *     slideDuration}, or either is not a multiple of this stream's slide
     */
    public PairDStream<K, V> reduceByKeyAndWindow(
            Function2<V, V, V> reduceFn,
            Function2<V, V, V> invReduceFn,
            Duration windowDuration,
            Duration slideDuration) {
        return reduceByKeyAndWindow(reduceFn, invReduceFn, windowDuration, slideDuration, 0, null);
    }

    /**
     * {@link #reduceByKeyAndWindow(Function2, Function2, Duration, Duration)} into {@code
     * numPartitions} partitions (0: the default), emitting only the pairs for which {@code
     * filterFn} returns true ({@code null}: keep all), such as {@code t -> t._2() != 0}. A key the
     * filter rejects is dropped from the window's state once none of its values is left in the
     * window, so the counts stay exact even when values can go negative (Spark drops it at once).
     */
    public PairDStream<K, V> reduceByKeyAndWindow(
            Function2<V, V, V> reduceFn,
            Function2<V, V, V> invReduceFn,
            Duration windowDuration,
            Duration slideDuration,
            int numPartitions,
            Function<Tuple2<K, V>, Boolean> filterFn) {
        Objects.requireNonNull(reduceFn, "reduceFn");
        Objects.requireNonNull(invReduceFn, "invReduceFn");
        requireWindow("reduceByKeyAndWindow", windowDuration, slideDuration);
        requireOverlap(
                "reduceByKeyAndWindow",
                windowDuration,
                slideDuration,
                "reduceByKeyAndWindow(reduceFn, windowDuration, slideDuration) without the inverse"
                        + " function");
        requireDefaultOrPositive("reduceByKeyAndWindow", numPartitions);
        PlanNode reduced = reduceByKey(reduceFn, numPartitions).node;
        return derivePair(
                "reduceByKeyAndWindow",
                info ->
                        new ReducedWindowNode(
                                info,
                                reduced,
                                erase(reduceFn),
                                erase(invReduceFn),
                                windowDuration,
                                slideDuration,
                                numPartitions,
                                filterFn == null ? null : erase(filterFn)));
    }

    /** Per window of {@code windowDuration} sliding every batch, each key with its values. */
    public PairDStream<K, Iterable<V>> groupByKeyAndWindow(Duration windowDuration) {
        return groupByKeyAndWindow(windowDuration, slideDuration(), 0);
    }

    /**
     * Per window {@code (t - windowDuration, t]} every {@code slideDuration}, each key with its
     * values.
     */
    public PairDStream<K, Iterable<V>> groupByKeyAndWindow(
            Duration windowDuration, Duration slideDuration) {
        return groupByKeyAndWindow(windowDuration, slideDuration, 0);
    }

    /** {@link #groupByKeyAndWindow(Duration, Duration)} into {@code numPartitions} partitions. */
    public PairDStream<K, Iterable<V>> groupByKeyAndWindow(
            Duration windowDuration, Duration slideDuration, int numPartitions) {
        requireWindow("groupByKeyAndWindow", windowDuration, slideDuration);
        requireDefaultOrPositive("groupByKeyAndWindow", numPartitions);
        return window(windowDuration, slideDuration).groupByKey(numPartitions);
    }

    /**
     * A running state per key, as Spark's {@code updateStateByKey}: at every batch time, {@code
     * updateFn} is called once for every key that has state or data, with the key's values of the
     * batch in arrival order (an empty list when it has none) and its previous state (empty for a
     * new key); it returns the key's new state, or {@link Optional#empty()} to remove the key. Each
     * batch of the result holds every key with its new state.
     *
     * <p>Because every key is visited in every batch, a batch costs in proportion to the whole
     * state, not to the batch's data; {@link #mapWithState(StateSpec)} visits only the keys with
     * data. The state is hash-partitioned into the runner's default number of partitions, and each
     * partition is updated by one worker thread, so the function may run on several threads at once
     * for different keys. The list it receives must not be modified.
     *
     * <p>Needs a checkpoint directory ({@link StreamingContext#checkpoint(String)}), else {@link
     * StreamingContext#start()} fails; the state's default checkpoint interval is the smallest
     * multiple of the slide that is at least 10 s ({@link #checkpoint(Duration)} changes it). If
     * the function throws, the context stops with a {@link UserFunctionException} naming this
     * operator and the batch time.
     *
     * @param updateFn from a key's values of the batch and its previous state to its new state
     */
    public <S> PairDStream<K, S> updateStateByKey(
            Function2<List<V>, Optional<S>, Optional<S>> updateFn) {
        return updateStateByKey(updateFn, 0, List.of());
    }

    /**
     * {@link #updateStateByKey(Function2)} with the state in {@code numPartitions} hash partitions
     * (0: the runner's default).
     */
    public <S> PairDStream<K, S> updateStateByKey(
            Function2<List<V>, Optional<S>, Optional<S>> updateFn, int numPartitions) {
        return updateStateByKey(updateFn, numPartitions, List.of());
    }

    /**
     * {@link #updateStateByKey(Function2, int)} starting from {@code initialState}: these keys have
     * state before the first batch, so the function is called for them in the first batch too.
     * Spark takes a pair RDD here; Ember takes the pairs as a list (a key listed twice keeps its
     * last state), copied when this method is called.
     *
     * @throws NullPointerException when a pair or a state of {@code initialState} is null
     */
    public <S> PairDStream<K, S> updateStateByKey(
            Function2<List<V>, Optional<S>, Optional<S>> updateFn,
            int numPartitions,
            List<Tuple2<K, S>> initialState) {
        Objects.requireNonNull(updateFn, "updateFn");
        Objects.requireNonNull(initialState, "initialState");
        requireDefaultOrPositive("updateStateByKey", numPartitions);
        List<Tuple2<Object, Object>> initial =
                erase(StateSpec.copyOfStates("updateStateByKey", initialState));
        return derivePair(
                "updateStateByKey",
                info ->
                        new UpdateStateByKeyNode(
                                info, node, erase(updateFn), numPartitions, initial));
    }

    /**
     * A state per key and a stream of mapped values, as Spark's {@code mapWithState}: at each batch
     * time, the spec's mapping function is called once for every pair of the batch, with its key,
     * its value and the key's {@link State}, which it may read, update or remove; what it returns
     * is emitted. A key's calls within a batch follow the arrival order of its values, each seeing
     * the state the previous call left. Keys without data in the batch are not visited, so a batch
     * costs in proportion to its data, not to the state; the only exception is a key that times out
     * (see {@link StateSpec#timeout(Duration)}), which gets one last call with no value and {@link
     * State#isTimingOut()} true, then is removed.
     *
     * <p>The state is hash-partitioned ({@link StateSpec#numPartitions(int)}, default the runner's
     * parallelism) and each partition is updated by one worker thread, so the function may run on
     * several threads at once for different keys. {@link MapWithStateDStream#stateSnapshots()}
     * gives the whole state each batch.
     *
     * <p>Needs a checkpoint directory ({@link StreamingContext#checkpoint(String)}), else {@link
     * StreamingContext#start()} fails; the state's default checkpoint interval is ten slides. If
     * the function throws (including the {@link IllegalStateException} of an illegal {@code update}
     * or {@code remove}), the context stops with a {@link UserFunctionException} naming this
     * operator and the batch time.
     *
     * @param spec the mapping function and options, read now
     */
    public <S, M> MapWithStateDStream<K, V, S, M> mapWithState(StateSpec<K, V, S, M> spec) {
        Objects.requireNonNull(spec, "spec");
        List<Tuple2<Object, Object>> initial = erase(spec.initialStateOrEmpty());
        MapWithStateNode stateNode =
                context.graph()
                        .add(
                                "mapWithState",
                                info ->
                                        new MapWithStateNode(
                                                info,
                                                node,
                                                erase(spec.mappingFn()),
                                                spec.optionalResult(),
                                                initial,
                                                spec.numPartitionsOrDefault(),
                                                spec.timeoutOrNull()));
        return new MapWithStateDStream<>(context, stateNode);
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

    /**
     * Per batch time, each key found in this stream's batch or {@code other}'s with the list of its
     * values on each side, as Spark's {@code cogroup}; a key on one side only has an empty list on
     * the other. Within a side, a key's values keep their arrival order.
     *
     * <p>Both streams must belong to one context and have the same slide; the batches of the same
     * time are grouped, so to group across batches, {@link #window(Duration) window} one side or
     * both first. Two empty batches give an empty batch. Keys are hashed into the default number of
     * partitions (the master's worker threads). Null keys and values are allowed.
     *
     * @throws InvalidPipelineException when {@code other} belongs to another context or has another
     *     slide
     */
    public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(PairDStream<K, W> other) {
        return cogroup(other, 0);
    }

    /** {@link #cogroup(PairDStream)} into {@code numPartitions} partitions (0: the default). */
    public <W> PairDStream<K, Tuple2<Iterable<V>, Iterable<W>>> cogroup(
            PairDStream<K, W> other, int numPartitions) {
        return new PairDStream<>(context, cogroupNode("cogroup", other, numPartitions));
    }

    /**
     * Per batch time, the inner join of this stream's batch with {@code other}'s: for each key on
     * both sides, every combination {@code (v, w)} of its values (a key with two values on each
     * side gives four pairs); keys on one side only are dropped. Built as Spark builds it: a {@link
     * #cogroup(PairDStream) cogroup} whose groups are expanded, so the same rules apply: one
     * context, same slide, batches of the same time ({@link #window(Duration) window} a side to
     * join across batches), default partitions.
     *
     * @throws InvalidPipelineException when {@code other} belongs to another context or has another
     *     slide
     */
    public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other) {
        return join(other, 0);
    }

    /** {@link #join(PairDStream)} into {@code numPartitions} partitions (0: the default). */
    public <W> PairDStream<K, Tuple2<V, W>> join(PairDStream<K, W> other, int numPartitions) {
        return joined("join", other, numPartitions, Joins.inner());
    }

    /**
     * {@link #join(PairDStream)} that also keeps the keys of this stream that {@code other} lacks,
     * each value paired with an empty {@code Optional}. The {@code Optional} is {@code
     * java.util.Optional}, where Spark's Java API has {@code org.apache.spark.api.java.Optional}
     * (same methods for {@code isPresent}, {@code get}, {@code orElse}, {@code empty}, {@code of}).
     * As with Spark's, a null value of {@code other} cannot be wrapped: it fails the batch with a
     * {@link UserFunctionException} naming this operator; replace nulls before joining.
     */
    public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(PairDStream<K, W> other) {
        return leftOuterJoin(other, 0);
    }

    /** {@link #leftOuterJoin(PairDStream)} into {@code numPartitions} partitions (0: default). */
    public <W> PairDStream<K, Tuple2<V, Optional<W>>> leftOuterJoin(
            PairDStream<K, W> other, int numPartitions) {
        return joined("leftOuterJoin", other, numPartitions, Joins.leftOuter());
    }

    /**
     * {@link #join(PairDStream)} that also keeps the keys of {@code other} that this stream lacks,
     * each value paired with an empty {@code java.util.Optional}; see {@link
     * #leftOuterJoin(PairDStream)} for Optional and nulls (here a null value of this stream fails).
     */
    public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(PairDStream<K, W> other) {
        return rightOuterJoin(other, 0);
    }

    /** {@link #rightOuterJoin(PairDStream)} into {@code numPartitions} partitions (0: default). */
    public <W> PairDStream<K, Tuple2<Optional<V>, W>> rightOuterJoin(
            PairDStream<K, W> other, int numPartitions) {
        return joined("rightOuterJoin", other, numPartitions, Joins.rightOuter());
    }

    /**
     * {@link #join(PairDStream)} that keeps the keys of either side: a key on both sides gives
     * every combination of present values, a key on one side gives its values paired with an empty
     * {@code java.util.Optional}; see {@link #leftOuterJoin(PairDStream)} for Optional and nulls
     * (here a null value on either side fails).
     */
    public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(
            PairDStream<K, W> other) {
        return fullOuterJoin(other, 0);
    }

    /** {@link #fullOuterJoin(PairDStream)} into {@code numPartitions} partitions (0: default). */
    public <W> PairDStream<K, Tuple2<Optional<V>, Optional<W>>> fullOuterJoin(
            PairDStream<K, W> other, int numPartitions) {
        return joined("fullOuterJoin", other, numPartitions, Joins.fullOuter());
    }

    private <W, R> PairDStream<K, R> joined(
            String operator,
            PairDStream<K, W> other,
            int numPartitions,
            FlatMapFunction<Tuple2<Iterable<V>, Iterable<W>>, R> expand) {
        CogroupNode groups = cogroupNode(operator, other, numPartitions);
        return derivePair(operator, info -> new FlatMapValuesNode(info, groups, erase(expand)));
    }

    private CogroupNode cogroupNode(String operator, PairDStream<K, ?> other, int numPartitions) {
        Objects.requireNonNull(other, "other");
        requireCompatible(other, operator);
        requireDefaultOrPositive(operator, numPartitions);
        return context.graph()
                .add(operator, info -> new CogroupNode(info, node, other.node, numPartitions));
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
    public PairDStream<K, V> name(String name) {
        super.name(name);
        return this;
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

    @Override
    public PairDStream<K, V> checkpoint(Duration interval) {
        super.checkpoint(interval);
        return this;
    }

    private static void requireDefaultOrPositive(String operator, int numPartitions) {
        if (numPartitions != 0) {
            requirePartitions(operator, numPartitions);
        }
    }
}
