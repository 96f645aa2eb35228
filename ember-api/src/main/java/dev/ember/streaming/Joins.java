package dev.ember.streaming;

import dev.ember.streaming.function.FlatMapFunction;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The joins as Spark writes them: functions that turn one key's cogrouped values into the key's
 * joined values, for {@code cogroup(...).flatMapValues(...)}. Pairs come out lazily, left value by
 * left value, each with the right values in order, so a key with many values on both sides is never
 * held as one list of pairs.
 *
 * <p>{@link Optional} cannot hold null, nor can Spark's; a null value on a side that the join wraps
 * fails the batch with a message that says so.
 */
final class Joins {
    private Joins() {}

    static <V, W> FlatMapFunction<Tuple2<Iterable<V>, Iterable<W>>, Tuple2<V, W>> inner() {
        return groups -> pairs(groups._1(), groups._2(), Tuple2::new);
    }

    static <V, W>
            FlatMapFunction<Tuple2<Iterable<V>, Iterable<W>>, Tuple2<V, Optional<W>>> leftOuter() {
        return groups ->
                isEmpty(groups._2())
                        ? each(groups._1(), v -> new Tuple2<>(v, Optional.<W>empty()))
                        : pairs(
                                groups._1(),
                                groups._2(),
                                (v, w) -> new Tuple2<>(v, present(w, "leftOuterJoin", "right")));
    }

    static <V, W>
            FlatMapFunction<Tuple2<Iterable<V>, Iterable<W>>, Tuple2<Optional<V>, W>> rightOuter() {
        return groups ->
                isEmpty(groups._1())
                        ? each(groups._2(), w -> new Tuple2<>(Optional.<V>empty(), w))
                        : pairs(
                                groups._1(),
                                groups._2(),
                                (v, w) -> new Tuple2<>(present(v, "rightOuterJoin", "left"), w));
    }

    static <V, W>
            FlatMapFunction<Tuple2<Iterable<V>, Iterable<W>>, Tuple2<Optional<V>, Optional<W>>>
                    fullOuter() {
        return groups -> {
            if (isEmpty(groups._1())) {
                return each(
                        groups._2(),
                        w ->
                                new Tuple2<>(
                                        Optional.<V>empty(), present(w, "fullOuterJoin", "right")));
            }
            if (isEmpty(groups._2())) {
                return each(
                        groups._1(),
                        v ->
                                new Tuple2<>(
                                        present(v, "fullOuterJoin", "left"), Optional.<W>empty()));
            }
            return pairs(
                    groups._1(),
                    groups._2(),
                    (v, w) ->
                            new Tuple2<>(
                                    present(v, "fullOuterJoin", "left"),
                                    present(w, "fullOuterJoin", "right")));
        };
    }

    private static boolean isEmpty(Iterable<?> values) {
        return !values.iterator().hasNext();
    }

    private static <X> Optional<X> present(X value, String operator, String side) {
        if (value == null) {
            throw new NullPointerException(
                    operator
                            + " met a null value on the "
                            + side
                            + " side, which java.util.Optional cannot hold (nor can Spark's"
                            + " Optional); filter out or replace null values before joining");
        }
        return Optional.of(value);
    }

    private static <X, R> Iterator<R> each(Iterable<X> values, Function<X, R> fn) {
        Iterator<X> it = values.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public R next() {
                return fn.apply(it.next());
            }
        };
    }

    /** Every (left, right) combination, left-major. */
    private static <V, W, R> Iterator<R> pairs(
            Iterable<V> left, Iterable<W> right, BiFunction<V, W, R> pair) {
        Iterator<V> outer = left.iterator();
        return new Iterator<>() {
            private Iterator<W> inner = Collections.emptyIterator();
            private V current;

            @Override
            public boolean hasNext() {
                while (!inner.hasNext()) {
                    if (!outer.hasNext()) {
                        return false;
                    }
                    current = outer.next();
                    inner = right.iterator();
                    if (!inner.hasNext()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return pair.apply(current, inner.next());
            }
        };
    }
}
