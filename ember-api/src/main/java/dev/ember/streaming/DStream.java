package dev.ember.streaming;

import dev.ember.spi.plan.CountNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapNode;
import dev.ember.spi.plan.FlatMapToPairNode;
import dev.ember.spi.plan.MapNode;
import dev.ember.spi.plan.MapPartitionsNode;
import dev.ember.spi.plan.MapToPairNode;
import dev.ember.spi.plan.OutputAction;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.ReduceNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.TransformNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.spi.plan.WindowNode;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import dev.ember.streaming.function.Function3;
import dev.ember.streaming.function.PairFlatMapFunction;
import dev.ember.streaming.function.PairFunction;
import dev.ember.streaming.function.VoidFunction;
import dev.ember.streaming.function.VoidFunction2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A discretized stream: a sequence of batches, one per slide interval, as Spark's {@code
 * JavaDStream}. Transformations return new streams and only record the graph; nothing runs until an
 * output operation ({@link #print()}, {@link #foreachRDD}) is registered and the context is
 * started.
 *
 * <p>Functions run on worker threads, possibly several at once on different partitions; they must
 * not rely on shared mutable state. A function that throws stops the context with a {@link
 * UserFunctionException} naming the operator and batch time.
 *
 * @param <T> the element type
 */
public class DStream<T> {
    final StreamingContext context;
    final PlanNode node;

    DStream(StreamingContext context, PlanNode node) {
        this.context = context;
        this.node = node;
    }

    /** The context this stream belongs to. */
    public StreamingContext context() {
        return context;
    }

    /** The interval at which this stream produces batches. */
    public Duration slideDuration() {
        return node.slide();
    }

    /**
     * Gives this stream a stable name, under which runners keep its state, offsets and metrics and
     * under which a checkpoint finds them again, even in a rebuilt program whose operators moved.
     * Without one, a stream has a name derived from its lineage (see {@link #name()}). Name the
     * stateful streams of a program meant to survive upgrades, as Flink's {@code uid}. Returns this
     * stream. Only before start, once per stream.
     *
     * @param name not blank, without {@code /} or control characters, at most 200 characters;
     *     unique among the names given in this context
     * @throws IllegalArgumentException when {@code name} breaks those rules
     * @throws InvalidPipelineException when another stream of this context has that name
     * @throws IllegalStateException when this stream is named already, or the context has started
     */
    public DStream<T> name(String name) {
        Objects.requireNonNull(name, "name");
        requireValidName(name);
        context.graph().name(node, name);
        return this;
    }

    /**
     * This stream's stable name: the one given with {@link #name(String)}, or else one derived from
     * its lineage: {@code socketTextStream[localhost:9999]} for an input, {@code
     * socketTextStream[localhost:9999]/reduceByKey} for a stream derived from it by an exchange, a
     * window or state. Narrow steps ({@code map}, {@code filter}, {@code flatMap} and the like) are
     * left out of their descendants' names, so adding one, or adding operators and outputs
     * elsewhere, leaves the names of stateful streams as they are. Streams whose derived names
     * would be equal get {@code #2}, {@code #3} in order of definition.
     */
    public String name() {
        return context.graph().nameOf(node);
    }

    private static void requireValidName(String name) {
        String problem =
                name.isBlank()
                        ? "is blank"
                        : name.length() > 200
                                ? "is longer than 200 characters (" + name.length() + ")"
                                : name.indexOf('/') >= 0
                                        ? "contains '/', which separates the steps of derived names"
                                        : name.chars().anyMatch(Character::isISOControl)
                                                ? "contains a control character"
                                                : null;
        if (problem != null) {
            throw new IllegalArgumentException(
                    "stream name '"
                            + name
                            + "' "
                            + problem
                            + "; use a short name such as 'hashtag-counts'");
        }
    }

    /** One element per element, mapped by {@code fn}. */
    public <R> DStream<R> map(Function<T, R> fn) {
        Objects.requireNonNull(fn, "fn");
        return derive("map", info -> new MapNode(info, node, erase(fn)));
    }

    /** Zero or more elements per element; {@code fn} returns an iterator, as in Spark 2.0+. */
    public <U> DStream<U> flatMap(FlatMapFunction<T, U> fn) {
        Objects.requireNonNull(fn, "fn");
        return derive("flatMap", info -> new FlatMapNode(info, node, erase(fn)));
    }

    /** The elements for which {@code predicate} returns true. */
    public DStream<T> filter(Function<T, Boolean> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return derive("filter", info -> new FilterNode(info, node, erase(predicate)));
    }

    /** Calls {@code fn} once per partition of each batch with an iterator over its elements. */
    public <U> DStream<U> mapPartitions(FlatMapFunction<Iterator<T>, U> fn) {
        Objects.requireNonNull(fn, "fn");
        return derive("mapPartitions", info -> new MapPartitionsNode(info, node, erase(fn)));
    }

    /** One key-value pair per element. */
    public <K, V> PairDStream<K, V> mapToPair(PairFunction<T, K, V> fn) {
        Objects.requireNonNull(fn, "fn");
        return derivePair("mapToPair", info -> new MapToPairNode(info, node, erase(fn)));
    }

    /** Zero or more key-value pairs per element. */
    public <K, V> PairDStream<K, V> flatMapToPair(PairFlatMapFunction<T, K, V> fn) {
        Objects.requireNonNull(fn, "fn");
        return derivePair("flatMapToPair", info -> new FlatMapToPairNode(info, node, erase(fn)));
    }

    /** Each batch holds the elements of this stream's and {@code that}'s batches for its time. */
    public DStream<T> union(DStream<T> that) {
        requireCompatible(that, "union");
        return derive("union", info -> new UnionNode(info, List.of(node, that.node)));
    }

    /** Each batch redistributed evenly over exactly {@code numPartitions} partitions. */
    public DStream<T> repartition(int numPartitions) {
        requirePartitions("repartition", numPartitions);
        return derive("repartition", info -> new RepartitionNode(info, node, numPartitions));
    }

    /** Each batch becomes one element: its number of elements ({@code 0} for an empty batch). */
    public DStream<Long> count() {
        return derive("count", info -> new CountNode(info, node));
    }

    /** Per batch, each distinct element with the number of times it occurs. */
    public PairDStream<T, Long> countByValue() {
        return countByValue(0);
    }

    /** {@link #countByValue()} over {@code numPartitions} partitions. */
    public PairDStream<T, Long> countByValue(int numPartitions) {
        if (numPartitions != 0) {
            requirePartitions("countByValue", numPartitions);
        }
        PairFunction<T, T, Long> one = t -> new Tuple2<>(t, 1L);
        Function2<Long, Long, Long> sum = Long::sum;
        PlanNode pairs =
                context.graph()
                        .add("countByValue", info -> new MapToPairNode(info, node, erase(one)));
        return new PairDStream<>(
                context,
                context.graph()
                        .add(
                                "countByValue",
                                info ->
                                        new ReduceByKeyNode(
                                                info, pairs, erase(sum), numPartitions)));
    }

    /**
     * Each non-empty batch reduced to one element by {@code reduceFn}, which must be associative
     * and commutative; an empty batch stays empty.
     */
    public DStream<T> reduce(Function2<T, T, T> reduceFn) {
        Objects.requireNonNull(reduceFn, "reduceFn");
        return derive("reduce", info -> new ReduceNode(info, node, erase(reduceFn)));
    }

    /** Each batch replaced by what {@code transformFn} makes of it; it must not return null. */
    public <U> DStream<U> transform(Function<Batch<T>, Batch<U>> transformFn) {
        Objects.requireNonNull(transformFn, "transformFn");
        return transform((batch, time) -> transformFn.call(batch));
    }

    /** {@link #transform(Function)} with the batch time. */
    public <U> DStream<U> transform(Function2<Batch<T>, Time, Batch<U>> transformFn) {
        Objects.requireNonNull(transformFn, "transformFn");
        Function2<List<Batch<Object>>, Time, Batch<Object>> fn =
                (batches, time) -> erase(transformFn.call(erase(batches.get(0)), time));
        return derive("transform", info -> new TransformNode(info, List.of(node), fn));
    }

    /** {@link #transform(Function)} for a function that returns pairs. */
    public <K, V> PairDStream<K, V> transformToPair(
            Function<Batch<T>, Batch<Tuple2<K, V>>> transformFn) {
        Objects.requireNonNull(transformFn, "transformFn");
        return transformToPair((batch, time) -> transformFn.call(batch));
    }

    /** {@link #transform(Function2)} for a function that returns pairs. */
    public <K, V> PairDStream<K, V> transformToPair(
            Function2<Batch<T>, Time, Batch<Tuple2<K, V>>> transformFn) {
        Objects.requireNonNull(transformFn, "transformFn");
        Function2<List<Batch<Object>>, Time, Batch<Object>> fn =
                (batches, time) -> erase(transformFn.call(erase(batches.get(0)), time));
        return derivePair("transformToPair", info -> new TransformNode(info, List.of(node), fn));
    }

    /**
     * Each batch combined with {@code other}'s batch of the same time by {@code transformFn}, which
     * also receives the batch time, as Spark's {@code transformWith}. The function runs on the job
     * thread (the driver), where it may call actions on both batches; it must not return null
     * (return an empty batch instead). A pair stream can be passed as {@code other} as it is, which
     * covers Spark's overloads for pair streams.
     *
     * @throws InvalidPipelineException when {@code other} belongs to another context or has another
     *     slide
     */
    public <U, W> DStream<W> transformWith(
            DStream<U> other, Function3<Batch<T>, Batch<U>, Time, Batch<W>> transformFn) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(transformFn, "transformFn");
        requireCompatible(other, "transformWith");
        return derive("transformWith", info -> transformWithNode(info, other, transformFn));
    }

    /**
     * {@link #transformWith} for a function that returns pairs, as Spark's {@code
     * transformWithToPair}.
     */
    public <U, K, V> PairDStream<K, V> transformWithToPair(
            DStream<U> other,
            Function3<Batch<T>, Batch<U>, Time, Batch<Tuple2<K, V>>> transformFn) {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(transformFn, "transformFn");
        requireCompatible(other, "transformWithToPair");
        return derivePair(
                "transformWithToPair", info -> transformWithNode(info, other, transformFn));
    }

    private <U> TransformNode transformWithNode(
            dev.ember.spi.plan.OpInfo info,
            DStream<U> other,
            Function3<Batch<T>, Batch<U>, Time, ? extends Batch<?>> transformFn) {
        Function2<List<Batch<Object>>, Time, Batch<Object>> fn =
                (batches, time) ->
                        erase(transformFn.call(erase(batches.get(0)), erase(batches.get(1)), time));
        return new TransformNode(info, List.of(node, other.node), fn);
    }

    /**
     * Each partition of each batch as one list of its elements, in order, as Spark's {@code glom}:
     * a batch of n partitions becomes n lists (an empty partition gives an empty list; a batch with
     * no partitions stays empty). The lists are unmodifiable.
     */
    public DStream<List<T>> glom() {
        FlatMapFunction<Iterator<T>, List<T>> toList =
                elements -> {
                    List<T> all = new ArrayList<>();
                    elements.forEachRemaining(all::add);
                    return List.of(Collections.unmodifiableList(all)).iterator();
                };
        return derive("glom", info -> new MapPartitionsNode(info, node, erase(toList)));
    }

    /**
     * The batches this stream has already generated for times in {@code [fromTime, toTime]}, both
     * inclusive, in time order, as Spark's {@code slice}. As in Spark, a bound that is not a valid
     * batch time of this stream (the context's zero time plus a multiple of {@link
     * #slideDuration()}) is floored to the latest valid time before it, so {@code fromTime} 1.5 s
     * on a 1 s stream includes the batch at 1 s.
     *
     * <p>Only batches the stream still remembers are returned: set {@link
     * StreamingContext#remember(Duration)} to keep them for as long as you want to slice them back;
     * without it a batch is dropped as soon as no operator of the graph needs it. Times with no
     * remembered batch (dropped, not yet generated, before the start, or never computed because no
     * output reads this stream) are left out, so the list may be shorter than the range or empty.
     * Spark computes such batches on demand instead.
     *
     * <p>Thread-safe: call it from any thread while the context runs, such as a thread serving
     * queries, or from an output operation (there the running batch's time is included only if this
     * stream's batch for it has been computed already). Actions on the returned batches run on the
     * worker pool, alongside the running batch.
     *
     * @throws IllegalArgumentException when {@code fromTime} is after {@code toTime}
     * @throws IllegalStateException when the context has not been started or has stopped
     */
    public List<Batch<T>> slice(Time fromTime, Time toTime) {
        Objects.requireNonNull(fromTime, "fromTime");
        Objects.requireNonNull(toTime, "toTime");
        if (fromTime.greater(toTime)) {
            throw new IllegalArgumentException(
                    "slice of stream '"
                            + node.info().describe()
                            + "' needs fromTime <= toTime, got "
                            + fromTime
                            + " > "
                            + toTime);
        }
        return erase(context.slice(node, fromTime, toTime));
    }

    /**
     * At each batch time, the union of this stream's batches in {@code (t - windowDuration, t]}.
     * The window must be a multiple of this stream's slide.
     */
    public DStream<T> window(Duration windowDuration) {
        return window(windowDuration, slideDuration());
    }

    /**
     * At times that are multiples of {@code slideDuration}, the union of this stream's batches in
     * {@code (t - windowDuration, t]}. Both durations must be multiples of this stream's slide.
     */
    public DStream<T> window(Duration windowDuration, Duration slideDuration) {
        return new DStream<>(context, windowNode(windowDuration, slideDuration));
    }

    /**
     * At times that are multiples of {@code slideDuration}, the elements of the window {@code (t -
     * windowDuration, t]} reduced to one by {@code reduceFn}; an empty window stays empty.
     */
    public DStream<T> reduceByWindow(
            Function2<T, T, T> reduceFn, Duration windowDuration, Duration slideDuration) {
        Objects.requireNonNull(reduceFn, "reduceFn");
        requireWindow("reduceByWindow", windowDuration, slideDuration);
        return reduce(reduceFn).window(windowDuration, slideDuration).reduce(reduceFn);
    }

    /**
     * {@link #reduceByWindow(Function2, Duration, Duration)} maintained incrementally with an
     * inverse function, as {@link PairDStream#reduceByKeyAndWindow(Function2, Function2, Duration,
     * Duration)}; needs a checkpoint directory. Once data has arrived, a window that empties again
     * holds the reduction's zero (for example 0 for a sum), as in Spark. The window must not be
     * shorter than the slide: without overlap there is nothing to maintain incrementally.
     *
     * @throws InvalidPipelineException when {@code windowDuration} is shorter than {@code
     *     slideDuration}, or either is not a multiple of this stream's slide
     */
    public DStream<T> reduceByWindow(
            Function2<T, T, T> reduceFn,
            Function2<T, T, T> invReduceFn,
            Duration windowDuration,
            Duration slideDuration) {
        requireWindow("reduceByWindow", windowDuration, slideDuration);
        requireOverlap(
                "reduceByWindow",
                windowDuration,
                slideDuration,
                "reduceByWindow(reduceFn, windowDuration, slideDuration) without the inverse"
                        + " function");
        return mapToPair(t -> new Tuple2<>(0, t))
                .reduceByKeyAndWindow(reduceFn, invReduceFn, windowDuration, slideDuration, 1, null)
                .map(Tuple2::_2);
    }

    /**
     * The number of elements in each window {@code (t - windowDuration, t]}, every {@code
     * slideDuration}; maintained incrementally, so it needs a checkpoint directory, and the window
     * must not be shorter than the slide (use {@code window(w, s).count()} for that).
     */
    public DStream<Long> countByWindow(Duration windowDuration, Duration slideDuration) {
        requireWindow("countByWindow", windowDuration, slideDuration);
        requireOverlap(
                "countByWindow",
                windowDuration,
                slideDuration,
                "window(windowDuration, slideDuration).count()");
        Function2<Long, Long, Long> plus = Long::sum;
        Function2<Long, Long, Long> minus = (a, b) -> a - b;
        return map(t -> 1L).reduceByWindow(plus, minus, windowDuration, slideDuration);
    }

    /**
     * Per window {@code (t - windowDuration, t]}, every {@code slideDuration}, each distinct
     * element with its number of occurrences; values that left the window are dropped. Maintained
     * incrementally, so it needs a checkpoint directory, and the window must not be shorter than
     * the slide (use {@code window(w, s).countByValue()} for that).
     */
    public PairDStream<T, Long> countByValueAndWindow(
            Duration windowDuration, Duration slideDuration) {
        return countByValueAndWindow(windowDuration, slideDuration, 0);
    }

    /** {@link #countByValueAndWindow(Duration, Duration)} into {@code numPartitions}. */
    public PairDStream<T, Long> countByValueAndWindow(
            Duration windowDuration, Duration slideDuration, int numPartitions) {
        requireWindow("countByValueAndWindow", windowDuration, slideDuration);
        requireOverlap(
                "countByValueAndWindow",
                windowDuration,
                slideDuration,
                "window(windowDuration, slideDuration).countByValue()");
        Function2<Long, Long, Long> plus = Long::sum;
        Function2<Long, Long, Long> minus = (a, b) -> a - b;
        PairFunction<T, T, Long> one = t -> new Tuple2<>(t, 1L);
        return mapToPair(one)
                .reduceByKeyAndWindow(
                        plus,
                        minus,
                        windowDuration,
                        slideDuration,
                        numPartitions,
                        t -> t._2() != 0L);
    }

    /** Marks each batch to be computed once and shared by every consumer. Returns this stream. */
    public DStream<T> cache() {
        return persist();
    }

    /** Same as {@link #cache()}. Returns this stream. */
    public DStream<T> persist() {
        context.graph().persist(node);
        return this;
    }

    /** Same as {@link #cache()}; the local runner keeps batches in memory whatever the level. */
    public DStream<T> persist(StorageLevel level) {
        Objects.requireNonNull(level, "level");
        return persist();
    }

    /**
     * Marks this stream to be checkpointed every {@code interval}, as Spark's {@code checkpoint}:
     * for a stateful stream ({@code updateStateByKey}, {@code mapWithState}, a window reduced with
     * an inverse function) this replaces the default interval (see {@link #checkpointInterval()}).
     * A marked stream needs a checkpoint directory at {@link StreamingContext#start()}. Returns
     * this stream. Only before start.
     *
     * <p>Ember records the interval for runners; the local runner does not write checkpoints yet.
     *
     * @param interval a positive multiple of this stream's slide
     * @throws InvalidPipelineException when {@code interval} is zero or not a multiple of the slide
     * @throws IllegalStateException when the context has been started
     */
    public DStream<T> checkpoint(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        Duration slide = slideDuration();
        if (interval.isZero() || !interval.isMultipleOf(slide)) {
            long slides = interval.milliseconds() / slide.milliseconds();
            String problem =
                    interval.isZero()
                            ? "must be positive; use a multiple of its slide "
                                    + slide.pretty()
                                    + ", such as "
                                    + slide.times(10).pretty()
                            : slides == 0
                                    ? "is shorter than its slide "
                                            + slide.pretty()
                                            + "; use "
                                            + slide.pretty()
                                            + " or a multiple of it"
                                    : "is not a multiple of its slide "
                                            + slide.pretty()
                                            + "; use "
                                            + slide.times((int) slides).pretty()
                                            + " or "
                                            + slide.times((int) slides + 1).pretty();
            throw new InvalidPipelineException(
                    "checkpoint interval "
                            + interval.pretty()
                            + " of stream '"
                            + node.info().describe()
                            + "' "
                            + problem);
        }
        context.graph().checkpoint(node, interval);
        return this;
    }

    /**
     * How often this stream is checkpointed: the interval given to {@link #checkpoint(Duration)},
     * else, for a stateful stream, Spark's default (ten slides for {@code mapWithState}; for {@code
     * updateStateByKey} and windows reduced with an inverse function, the smallest multiple of the
     * slide that is at least 10 s), else empty.
     */
    public Optional<Duration> checkpointInterval() {
        return context.graph().checkpointInterval(node);
    }

    /**
     * Prints the first ten elements of every batch, in Spark's format: a line of 43 dashes, {@code
     * Time: <ms> ms}, 43 dashes, the elements, {@code ...} if there are more, a blank line.
     */
    public void print() {
        print(10);
    }

    /** Prints the first {@code num} elements of every batch; see {@link #print()}. */
    public void print(int num) {
        if (num < 0) {
            throw new IllegalArgumentException("print needs num >= 0, got " + num);
        }
        output("print", new OutputAction.Print(num));
    }

    /** Calls {@code fn} with every batch, on the driver thread, in output declaration order. */
    public void foreachRDD(VoidFunction<Batch<T>> fn) {
        Objects.requireNonNull(fn, "fn");
        foreachRDD((batch, time) -> fn.call(batch));
    }

    /** {@link #foreachRDD(VoidFunction)} with the batch time. */
    public void foreachRDD(VoidFunction2<Batch<T>, Time> fn) {
        Objects.requireNonNull(fn, "fn");
        VoidFunction2<Batch<Object>, Time> erased = (batch, time) -> fn.call(erase(batch), time);
        output("foreachRDD", new OutputAction.Foreach(erased));
    }

    private void output(String operator, OutputAction action) {
        context.graph().add(operator, info -> new OutputNode(info, node, action));
    }

    WindowNode windowNode(Duration windowDuration, Duration slideDuration) {
        requireWindow("window", windowDuration, slideDuration);
        return context.graph()
                .add("window", info -> new WindowNode(info, node, windowDuration, slideDuration));
    }

    void requireWindow(String operator, Duration windowDuration, Duration slideDuration) {
        Objects.requireNonNull(windowDuration, "windowDuration");
        Objects.requireNonNull(slideDuration, "slideDuration");
        requireMultipleOfSlide(operator, "windowDuration", windowDuration);
        requireMultipleOfSlide(operator, "slideDuration", slideDuration);
    }

    /**
     * Refuses an incremental (inverse-reduced) window shorter than its slide: consecutive windows
     * do not overlap, so there is nothing to reuse, and Spark's arithmetic there counts a batch
     * outside the window for keys new to it.
     */
    void requireOverlap(
            String operator, Duration windowDuration, Duration slideDuration, String remedy) {
        if (windowDuration.milliseconds() >= slideDuration.milliseconds()) {
            return;
        }
        throw new InvalidPipelineException(
                "windowDuration "
                        + windowDuration.pretty()
                        + " of "
                        + operator
                        + " on stream '"
                        + node.info().describe()
                        + "' is shorter than its slideDuration "
                        + slideDuration.pretty()
                        + ": a window maintained with an inverse function must overlap the"
                        + " previous one; use "
                        + remedy
                        + ", which reduces each window from scratch");
    }

    void requireMultipleOfSlide(String operator, String parameter, Duration value) {
        Duration slide = slideDuration();
        if (value.isMultipleOf(slide)) {
            return;
        }
        String of =
                slide.equals(context.batchDuration())
                        ? "the batch interval " + slide.pretty()
                        : "the parent stream's slide " + slide.pretty();
        long lower = value.milliseconds() / slide.milliseconds();
        String fix =
                lower == 0
                        ? "use " + slide.pretty()
                        : "use "
                                + slide.times((int) lower).pretty()
                                + " or "
                                + slide.times((int) lower + 1).pretty();
        throw new InvalidPipelineException(
                parameter
                        + " "
                        + value.pretty()
                        + " of "
                        + operator
                        + " on stream '"
                        + node.info().describe()
                        + "' is not a multiple of "
                        + of
                        + "; "
                        + fix);
    }

    void requireCompatible(DStream<?> that, String operator) {
        Objects.requireNonNull(that, "that");
        if (that.context != context) {
            throw new InvalidPipelineException(
                    operator
                            + " of '"
                            + node.info().describe()
                            + "' and '"
                            + that.node.info().describe()
                            + "' mixes streams of two contexts ('"
                            + context.appName()
                            + "' and '"
                            + that.context.appName()
                            + "'); build both streams from one StreamingContext");
        }
        if (!that.slideDuration().equals(slideDuration())) {
            throw new InvalidPipelineException(
                    operator
                            + " of '"
                            + node.info().describe()
                            + "' (slide "
                            + slideDuration().pretty()
                            + ") and '"
                            + that.node.info().describe()
                            + "' (slide "
                            + that.slideDuration().pretty()
                            + ") needs streams with the same slide; window one of them to"
                            + " match");
        }
    }

    static void requirePartitions(String operator, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException(
                    "numPartitions of " + operator + " must be at least 1, got " + numPartitions);
        }
    }

    <R> DStream<R> derive(
            String operator,
            java.util.function.Function<dev.ember.spi.plan.OpInfo, PlanNode> factory) {
        return new DStream<>(context, context.graph().add(operator, factory));
    }

    <K, V> PairDStream<K, V> derivePair(
            String operator,
            java.util.function.Function<dev.ember.spi.plan.OpInfo, PlanNode> factory) {
        return new PairDStream<>(context, context.graph().add(operator, factory));
    }

    /**
     * Functions and batches are recorded untyped in the plan; the API's signatures keep them typed.
     */
    @SuppressWarnings("unchecked")
    static <X> X erase(Object o) {
        return (X) o;
    }
}
