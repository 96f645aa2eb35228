package dev.ember.streaming;

import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import dev.ember.streaming.function.PairFunction;
import dev.ember.streaming.function.VoidFunction;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The data of one batch, split into partitions: what Spark calls the RDD of a batch. Handed to
 * {@code foreachRDD} and {@code transform} functions.
 *
 * <p>Immutable. Transformations ({@link #map}, {@link #filter}, ...) return new batches and run
 * when an action ({@link #count}, {@link #collect}, {@link #foreach}, ...) needs them, with the
 * partitions processed in parallel on the runner's workers. Actions run on the calling thread's
 * behalf and return when done.
 *
 * @param <T> the element type
 */
public interface Batch<T> {

    /** The number of elements. */
    long count();

    /** Every element, partition by partition, in an unmodifiable list. */
    List<T> collect();

    /** The first {@code num} elements (fewer if the batch is smaller). */
    List<T> take(int num);

    /**
     * The first element.
     *
     * @throws java.util.NoSuchElementException when the batch is empty
     */
    T first();

    /** True when the batch has no elements. */
    boolean isEmpty();

    /** The {@code num} largest elements by natural order, largest first. */
    List<T> top(int num);

    /** The {@code num} largest elements by {@code comparator}, largest first. */
    List<T> top(int num, Comparator<? super T> comparator);

    /**
     * This batch sorted by {@code keyFn} over {@code numPartitions} partitions, in ascending or
     * descending order of key.
     */
    <K extends Comparable<? super K>> Batch<T> sortBy(
            Function<T, K> keyFn, boolean ascending, int numPartitions);

    /** Calls {@code fn} for every element, partitions in parallel. */
    void foreach(VoidFunction<T> fn);

    /** Calls {@code fn} once per partition with an iterator over its elements. */
    void foreachPartition(VoidFunction<Iterator<T>> fn);

    /**
     * Reduces the elements with an associative and commutative function.
     *
     * @throws java.util.NoSuchElementException when the batch is empty
     */
    T reduce(Function2<T, T, T> reduceFn);

    /** One element per element, mapped by {@code fn}. */
    <R> Batch<R> map(Function<T, R> fn);

    /** The elements for which {@code predicate} is true. */
    Batch<T> filter(Function<T, Boolean> predicate);

    /** Zero or more elements per element. */
    <R> Batch<R> flatMap(FlatMapFunction<T, R> fn);

    /** One key-value pair per element. */
    <K, V> Batch<Tuple2<K, V>> mapToPair(PairFunction<T, K, V> fn);

    /** The elements of this batch followed by those of {@code other}. */
    Batch<T> union(Batch<T> other);

    /** The number of partitions. */
    int getNumPartitions();
}
