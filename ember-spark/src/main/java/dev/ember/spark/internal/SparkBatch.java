package dev.ember.spark.internal;

import dev.ember.streaming.Batch;
import dev.ember.streaming.StreamingException;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import dev.ember.streaming.function.PairFunction;
import dev.ember.streaming.function.VoidFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Batch} backed by Spark's RDD of the batch: what {@code foreachRDD} and {@code transform}
 * functions see on the Spark runner. Transformations return new batches over new RDDs; actions run
 * Spark jobs.
 *
 * <p>Functions given to it are shipped to executors: each is checked for serialisation first, so a
 * function that captures something that cannot be shipped fails here with a message naming the
 * method, its call site and the field, instead of Spark's "Task not serializable". A comparator for
 * {@link #top(int, Comparator)} that does not serialise is not an error: the top elements are then
 * found on the driver, by streaming the partitions through a bounded heap.
 */
final class SparkBatch<T> implements Batch<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SparkBatch.class);

    /** The call sites of top whose comparator did not serialise, warned about once each. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final JavaRDD<T> rdd;

    SparkBatch(JavaRDD<T> rdd) {
        this.rdd = rdd;
    }

    /** The RDD behind {@code batch}, which must be a Spark runner batch. */
    @SuppressWarnings("unchecked")
    static JavaRDD<Object> rddOf(Batch<?> batch, String operator) {
        if (batch instanceof SparkBatch<?> b) {
            return (JavaRDD<Object>) b.rdd;
        }
        throw new IllegalArgumentException(
                operator
                        + " got a batch of type "
                        + (batch == null ? "null" : batch.getClass().getName())
                        + " on the Spark runner, which runs only batches it made itself: build the"
                        + " result from the batches the function receives (map, filter, union, ...)");
    }

    JavaRDD<T> rdd() {
        return rdd;
    }

    @Override
    public long count() {
        return job(rdd::count);
    }

    @Override
    public List<T> collect() {
        return Collections.unmodifiableList(job(rdd::collect));
    }

    @Override
    public List<T> take(int num) {
        return Collections.unmodifiableList(job(() -> rdd.take(num)));
    }

    @Override
    public T first() {
        List<T> first = job(() -> rdd.take(1));
        if (first.isEmpty()) {
            throw new java.util.NoSuchElementException("first() of an empty batch");
        }
        return first.get(0);
    }

    @Override
    public boolean isEmpty() {
        return job(rdd::isEmpty);
    }

    @Override
    public List<T> top(int num) {
        return Collections.unmodifiableList(job(() -> rdd.top(num, new NaturalOrder<>())));
    }

    @Override
    public List<T> top(int num, Comparator<? super T> comparator) {
        String site = CallSites.here();
        if (Serialization.problem(comparator) == null) {
            return Collections.unmodifiableList(
                    job(() -> rdd.top(num, new ShippedComparator<T>(comparator))));
        }
        if (WARNED.add(site)) {
            LOG.warn(
                    "top(num, comparator) at {}: the comparator does not serialise, so the top"
                            + " elements are found on the driver, reading every partition; give a"
                            + " Serializable comparator to find them on the executors (said once"
                            + " per call site)",
                    site);
        }
        PriorityQueue<T> heap = new PriorityQueue<>(Math.max(1, num), comparator);
        Iterator<T> it = job(rdd::toLocalIterator);
        while (it.hasNext() && num > 0) {
            T e = it.next();
            if (heap.size() < num) {
                heap.add(e);
            } else if (comparator.compare(e, heap.peek()) > 0) {
                heap.poll();
                heap.add(e);
            }
        }
        List<T> top = new ArrayList<>(heap);
        top.sort(comparator.reversed());
        return Collections.unmodifiableList(top);
    }

    @Override
    public <K extends Comparable<? super K>> Batch<T> sortBy(
            Function<T, K> keyFn, boolean ascending, int numPartitions) {
        String op = shipped("sortBy", keyFn);
        Function<Object, Object> key = erase(keyFn);
        return new SparkBatch<>(
                job(() -> rdd.sortBy(erase(Fns.map(op, key)), ascending, numPartitions)));
    }

    @Override
    public void foreach(VoidFunction<T> fn) {
        String op = shipped("foreach", fn);
        job(
                () -> {
                    rdd.foreach(new ForeachFn<>(op, fn));
                    return null;
                });
    }

    @Override
    public void foreachPartition(VoidFunction<Iterator<T>> fn) {
        String op = shipped("foreachPartition", fn);
        job(
                () -> {
                    rdd.foreachPartition(new ForeachFn<>(op, fn));
                    return null;
                });
    }

    @Override
    public T reduce(Function2<T, T, T> reduceFn) {
        String op = shipped("reduce", reduceFn);
        if (job(rdd::isEmpty)) {
            throw new java.util.NoSuchElementException("reduce() of an empty batch");
        }
        return erase(job(() -> rdd.reduce(erase(Fns.reduce(op, erase(reduceFn))))));
    }

    @Override
    public <R> Batch<R> map(Function<T, R> fn) {
        String op = shipped("map", fn);
        return new SparkBatch<>(rdd.map(erase(Fns.map(op, erase(fn)))));
    }

    @Override
    public Batch<T> filter(Function<T, Boolean> predicate) {
        String op = shipped("filter", predicate);
        return new SparkBatch<>(rdd.filter(erase(Fns.filter(op, erase(predicate)))));
    }

    @Override
    public <R> Batch<R> flatMap(FlatMapFunction<T, R> fn) {
        String op = shipped("flatMap", fn);
        return new SparkBatch<>(rdd.flatMap(erase(Fns.flatMap(op, erase(fn)))));
    }

    @Override
    public <K, V> Batch<Tuple2<K, V>> mapToPair(PairFunction<T, K, V> fn) {
        String op = shipped("mapToPair", fn);
        return new SparkBatch<>(rdd.map(erase(Fns.mapToPair(op, erase(fn)))));
    }

    @Override
    public Batch<T> union(Batch<T> other) {
        JavaRDD<Object> that = rddOf(other, "Batch.union");
        return new SparkBatch<>(rdd.union(erase(that)));
    }

    @Override
    public int getNumPartitions() {
        return rdd.getNumPartitions();
    }

    @Override
    public String toString() {
        return "SparkBatch[" + rdd + "]";
    }

    /**
     * Runs a Spark job. Spark's failures are checked exceptions that Scala throws undeclared; they
     * become a {@link StreamingException} here, keeping the cause (and so the failed operator).
     */
    private static <R> R job(Callable<R> action) {
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamingException("A Spark job of a batch failed: " + e.getMessage(), e);
        }
    }

    /** The operator name of a batch method, after checking that its function serialises. */
    private static String shipped(String method, Object fn) {
        String op = "Batch." + method + " at " + CallSites.here();
        Serialization.requireShippable(fn, op, "function");
        return op;
    }

    @SuppressWarnings("unchecked")
    private static <X> X erase(Object o) {
        return (X) o;
    }

    private record ForeachFn<T>(String op, VoidFunction<T> fn)
            implements org.apache.spark.api.java.function.VoidFunction<T> {
        @Override
        public void call(T t) {
            try {
                fn.call(t);
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private static final class NaturalOrder<T> implements Comparator<T>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        @SuppressWarnings("unchecked")
        public int compare(T a, T b) {
            return ((Comparable<Object>) a).compareTo(b);
        }
    }

    private record ShippedComparator<T>(Comparator<? super T> comparator)
            implements Comparator<T>, Serializable {
        @Override
        public int compare(T a, T b) {
            return comparator.compare(a, b);
        }
    }
}
