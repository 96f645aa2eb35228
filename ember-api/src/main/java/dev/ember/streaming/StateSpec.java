package dev.ember.streaming;

import dev.ember.streaming.function.Function3;
import dev.ember.streaming.function.Function4;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PairDStream#mapWithState(StateSpec)} does, as Spark's {@code StateSpec}: the mapping
 * function, made by one of the {@code function} factories, and options set with the builder
 * methods, each at most once.
 *
 * <pre>{@code
 * StateSpec<String, Integer, Integer, Tuple2<String, Integer>> spec =
 *         StateSpec.function(mappingFn)
 *                 .initialState(List.of(new Tuple2<>("hello", 1)))
 *                 .numPartitions(4)
 *                 .timeout(Durations.minutes(30));
 * }</pre>
 *
 * <p>{@code mapWithState} reads the spec when it is called; changes made afterwards do not reach
 * the stream. Not thread-safe: build it on one thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 * @param <S> the state type
 * @param <M> the type of the mapped values
 */
public final class StateSpec<K, V, S, M> {
    private final Function4<Time, K, Optional<V>, State<S>, Object> mappingFn;
    private final boolean optionalResult;
    private List<Tuple2<K, S>> initialState;
    private int numPartitions;
    private Duration timeout;

    private StateSpec(
            Function4<Time, K, Optional<V>, State<S>, Object> mappingFn, boolean optionalResult) {
        this.mappingFn = mappingFn;
        this.optionalResult = optionalResult;
    }

    /**
     * A spec whose mapping function takes a key, its value and its state, and returns the value to
     * emit; every call, timeouts included, emits its result (even {@code null}).
     *
     * @param mappingFn called once per pair of each batch, and once for each key that times out
     *     (with an empty value); see {@link PairDStream#mapWithState(StateSpec)}
     */
    public static <K, V, S, M> StateSpec<K, V, S, M> function(
            Function3<K, Optional<V>, State<S>, M> mappingFn) {
        Objects.requireNonNull(mappingFn, "mappingFn");
        return new StateSpec<>((time, k, v, s) -> mappingFn.call(k, v, s), false);
    }

    /**
     * A spec whose mapping function also receives the batch time and may emit nothing: it returns
     * the value to emit, or {@link Optional#empty()} for none (never {@code null}).
     *
     * @param mappingFn called once per pair of each batch, and once for each key that times out
     *     (with an empty value); see {@link PairDStream#mapWithState(StateSpec)}
     */
    public static <K, V, S, M> StateSpec<K, V, S, M> function(
            Function4<Time, K, Optional<V>, State<S>, Optional<M>> mappingFn) {
        Objects.requireNonNull(mappingFn, "mappingFn");
        return new StateSpec<>(mappingFn::call, true);
    }

    /**
     * Sets the state of some keys before the first batch; Spark takes a pair RDD here, Ember a list
     * of pairs (a key listed twice keeps its last state), copied now. These keys' idle time starts
     * at the first batch. Returns this spec.
     *
     * @throws NullPointerException when a pair or a state is null
     * @throws IllegalStateException when the initial state was already set
     */
    public StateSpec<K, V, S, M> initialState(List<Tuple2<K, S>> initialState) {
        Objects.requireNonNull(initialState, "initialState");
        if (this.initialState != null) {
            throw new IllegalStateException(
                    "initialState of StateSpec was already set to "
                            + this.initialState.size()
                            + " pairs; set each option once");
        }
        this.initialState = copyOfStates("StateSpec", initialState);
        return this;
    }

    /** A copy of an initial state, rejecting null pairs and null states. */
    static <K, S> List<Tuple2<K, S>> copyOfStates(String operator, List<Tuple2<K, S>> states) {
        List<Tuple2<K, S>> copy = new ArrayList<>(states.size());
        for (Tuple2<K, S> pair : states) {
            Objects.requireNonNull(
                    pair, () -> "initialState of " + operator + " holds a null pair");
            if (pair._2() == null) {
                throw new NullPointerException(
                        "initialState of "
                                + operator
                                + " holds a null state for key '"
                                + pair._1()
                                + "'; leave the key out instead");
            }
            copy.add(pair);
        }
        return copy;
    }

    /**
     * Sets how many hash partitions hold the state (default: the runner's parallelism). Returns
     * this spec.
     *
     * @throws IllegalArgumentException when {@code numPartitions} is less than 1
     * @throws IllegalStateException when the number of partitions was already set
     */
    public StateSpec<K, V, S, M> numPartitions(int numPartitions) {
        if (this.numPartitions != 0) {
            throw new IllegalStateException(
                    "numPartitions of StateSpec was already set to "
                            + this.numPartitions
                            + "; set each option once");
        }
        if (numPartitions < 1) {
            throw new IllegalArgumentException(
                    "numPartitions of StateSpec must be at least 1, got " + numPartitions);
        }
        this.numPartitions = numPartitions;
        return this;
    }

    /**
     * Removes keys that have had no data for {@code idleDuration}: a key whose last data came in
     * the batch at {@code t} times out in the first batch at or after {@code t + idleDuration},
     * where the mapping function is called for it one last time with no value and {@link
     * State#isTimingOut()} true. Keys without data are otherwise never visited. Returns this spec.
     *
     * <p>Unlike Spark, the timeout is exact. Spark's check is strict (it fires only after more than
     * {@code idleDuration}) and runs only in batches where the state is checkpointed (every 10
     * batches by default), so there a key times out up to about ten batches later.
     *
     * @throws IllegalArgumentException when {@code idleDuration} is zero
     * @throws IllegalStateException when the timeout was already set
     */
    public StateSpec<K, V, S, M> timeout(Duration idleDuration) {
        Objects.requireNonNull(idleDuration, "idleDuration");
        if (timeout != null) {
            throw new IllegalStateException(
                    "timeout of StateSpec was already set to "
                            + timeout.pretty()
                            + "; set each option once");
        }
        if (idleDuration.isZero()) {
            throw new IllegalArgumentException(
                    "timeout of StateSpec must be positive, got 0ms; use for example"
                            + " Durations.minutes(30)");
        }
        this.timeout = idleDuration;
        return this;
    }

    Function4<Time, K, Optional<V>, State<S>, Object> mappingFn() {
        return mappingFn;
    }

    boolean optionalResult() {
        return optionalResult;
    }

    List<Tuple2<K, S>> initialStateOrEmpty() {
        return initialState == null ? List.of() : initialState;
    }

    int numPartitionsOrDefault() {
        return numPartitions;
    }

    Duration timeoutOrNull() {
        return timeout;
    }
}
