package dev.ember.spark.internal;

import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.PairFlatMapFunction;
import dev.ember.streaming.function.PairFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;

/**
 * Ember's functions as Spark's: each adapter holds the user's function and the operator it belongs
 * to (as text, so that it serialises with the function), calls it, and wraps what it throws in an
 * {@link OperatorFailure} naming the operator. Pairs cross between Ember's {@code Tuple2}, which
 * Ember's functions see, and Scala's, which Spark's key-based operations need, only around those
 * operations.
 *
 * <p>Lazy results (the iterators of {@code flatMap} and {@code mapPartitions}) are wrapped too, so
 * a failure while Spark drains them still names the operator.
 */
final class Fns {
    private Fns() {}

    /** {@code map}, {@code mapToPair}, {@code createCombiner}: one value per value. */
    static Function<Object, Object> map(
            String op, dev.ember.streaming.function.Function<Object, Object> fn) {
        return new MapFn(op, fn);
    }

    /** {@code mapToPair}. */
    static Function<Object, Object> mapToPair(String op, PairFunction<Object, Object, Object> fn) {
        return new MapToPairFn(op, fn);
    }

    /** {@code mapValues}: the value of each Ember pair mapped, its key kept. */
    static Function<Object, Object> mapValues(
            String op, dev.ember.streaming.function.Function<Object, Object> fn) {
        return new MapValuesFn(op, fn);
    }

    /** {@code filter}. */
    static Function<Object, Boolean> filter(
            String op, dev.ember.streaming.function.Function<Object, Boolean> fn) {
        return new FilterFn(op, fn);
    }

    /** {@code flatMap}. */
    static org.apache.spark.api.java.function.FlatMapFunction<Object, Object> flatMap(
            String op, FlatMapFunction<Object, Object> fn) {
        return new FlatMapFn(op, fn);
    }

    /** {@code flatMapToPair}. */
    static org.apache.spark.api.java.function.FlatMapFunction<Object, Object> flatMapToPair(
            String op, PairFlatMapFunction<Object, Object, Object> fn) {
        return new FlatMapToPairFn(op, fn);
    }

    /** {@code flatMapValues} (and the expansion of a join). */
    static org.apache.spark.api.java.function.FlatMapFunction<Object, Object> flatMapValues(
            String op, FlatMapFunction<Object, Object> fn) {
        return new FlatMapValuesFn(op, fn);
    }

    /** {@code mapPartitions}. */
    static org.apache.spark.api.java.function.FlatMapFunction<Iterator<Object>, Object>
            mapPartitions(String op, FlatMapFunction<Iterator<Object>, Object> fn) {
        return new MapPartitionsFn(op, fn);
    }

    /** A reduce, merge or inverse-reduce function. */
    static Function2<Object, Object, Object> reduce(
            String op, dev.ember.streaming.function.Function2<Object, Object, Object> fn) {
        return new ReduceFn(op, fn);
    }

    /**
     * The filter of a window reduced with an inverse function, over Scala pairs; {@code null} keeps
     * every pair (Spark's Java API needs a filter to take a partitioner).
     */
    static Function<scala.Tuple2<Object, Object>, Boolean> pairFilter(
            String op, dev.ember.streaming.function.Function<Object, Boolean> fn) {
        return new PairFilterFn(op, fn);
    }

    /** Ember pairs to Scala pairs, before a key-based operation. */
    static org.apache.spark.api.java.function.PairFunction<Object, Object, Object> toScala(
            String op) {
        return new ToScalaFn(op);
    }

    /** Scala pairs back to Ember pairs, after a key-based operation. */
    static Function<scala.Tuple2<Object, Object>, Object> toEmber() {
        return new ToEmberFn();
    }

    /** The groups of {@code groupByKey} as Ember pairs of a key and a list. */
    static Function<scala.Tuple2<Object, Iterable<Object>>, Object> groups() {
        return new GroupsFn();
    }

    /** The groups of {@code cogroup} as Ember pairs of a key and a pair of lists. */
    static Function<scala.Tuple2<Object, scala.Tuple2<Iterable<Object>, Iterable<Object>>>, Object>
            cogroups() {
        return new CogroupsFn();
    }

    /** A list holding what {@code values} holds: Ember's groups are lists on both runners. */
    static List<Object> list(Iterable<Object> values) {
        List<Object> list = new ArrayList<>();
        for (Object v : values) {
            list.add(v);
        }
        return list;
    }

    static Tuple2<?, ?> pair(String op, Object element) {
        if (element instanceof Tuple2<?, ?> t) {
            return t;
        }
        throw OperatorFailure.of(
                op,
                new ClassCastException(
                        "a key-based operation got "
                                + (element == null ? "null" : element.getClass().getName())
                                + " where it needs a Tuple2: build the stream with mapToPair"));
    }

    /** Wraps an iterator so that failures while it is drained name the operator. */
    static <T> Iterator<T> guarded(String op, Iterator<T> it) {
        if (it == null) {
            throw OperatorFailure.of(
                    op,
                    new NullPointerException(
                            "the function returned null instead of an iterator; return"
                                    + " Collections.emptyIterator() for no elements"));
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return it.hasNext();
                } catch (RuntimeException e) {
                    throw OperatorFailure.of(op, e);
                }
            }

            @Override
            public T next() {
                try {
                    return it.next();
                } catch (RuntimeException e) {
                    throw OperatorFailure.of(op, e);
                }
            }
        };
    }

    private record MapFn(String op, dev.ember.streaming.function.Function<Object, Object> fn)
            implements Function<Object, Object> {
        @Override
        public Object call(Object v) {
            try {
                return fn.call(v);
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record MapToPairFn(String op, PairFunction<Object, Object, Object> fn)
            implements Function<Object, Object> {
        @Override
        public Object call(Object v) {
            try {
                return fn.call(v);
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record MapValuesFn(String op, dev.ember.streaming.function.Function<Object, Object> fn)
            implements Function<Object, Object> {
        @Override
        public Object call(Object v) {
            Tuple2<?, ?> pair = pair(op, v);
            try {
                return new Tuple2<>(pair._1(), fn.call(pair._2()));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record FilterFn(String op, dev.ember.streaming.function.Function<Object, Boolean> fn)
            implements Function<Object, Boolean> {
        @Override
        public Boolean call(Object v) {
            try {
                return fn.call(v);
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record FlatMapFn(String op, FlatMapFunction<Object, Object> fn)
            implements org.apache.spark.api.java.function.FlatMapFunction<Object, Object> {
        @Override
        public Iterator<Object> call(Object v) {
            try {
                return guarded(op, fn.call(v));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record FlatMapToPairFn(String op, PairFlatMapFunction<Object, Object, Object> fn)
            implements org.apache.spark.api.java.function.FlatMapFunction<Object, Object> {
        @Override
        @SuppressWarnings("unchecked")
        public Iterator<Object> call(Object v) {
            try {
                return guarded(op, (Iterator<Object>) (Iterator<?>) fn.call(v));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record FlatMapValuesFn(String op, FlatMapFunction<Object, Object> fn)
            implements org.apache.spark.api.java.function.FlatMapFunction<Object, Object> {
        @Override
        public Iterator<Object> call(Object v) {
            Tuple2<?, ?> pair = pair(op, v);
            Iterator<Object> values;
            try {
                values = guarded(op, fn.call(pair._2()));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
            Object key = pair._1();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return values.hasNext();
                }

                @Override
                public Object next() {
                    return new Tuple2<>(key, values.next());
                }
            };
        }
    }

    private record MapPartitionsFn(String op, FlatMapFunction<Iterator<Object>, Object> fn)
            implements org.apache.spark.api.java.function.FlatMapFunction<
                    Iterator<Object>, Object> {
        @Override
        public Iterator<Object> call(Iterator<Object> partition) {
            try {
                return guarded(op, fn.call(partition));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record ReduceFn(
            String op, dev.ember.streaming.function.Function2<Object, Object, Object> fn)
            implements Function2<Object, Object, Object> {
        @Override
        public Object call(Object a, Object b) {
            try {
                return fn.call(a, b);
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record PairFilterFn(
            String op, dev.ember.streaming.function.Function<Object, Boolean> fn)
            implements Function<scala.Tuple2<Object, Object>, Boolean> {
        @Override
        public Boolean call(scala.Tuple2<Object, Object> pair) {
            if (fn == null) {
                return true;
            }
            try {
                return fn.call(new Tuple2<>(pair._1(), pair._2()));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private record ToScalaFn(String op)
            implements org.apache.spark.api.java.function.PairFunction<Object, Object, Object> {
        @Override
        public scala.Tuple2<Object, Object> call(Object v) {
            Tuple2<?, ?> pair = pair(op, v);
            return new scala.Tuple2<>(pair._1(), pair._2());
        }
    }

    private record ToEmberFn() implements Function<scala.Tuple2<Object, Object>, Object> {
        @Override
        public Object call(scala.Tuple2<Object, Object> pair) {
            return new Tuple2<>(pair._1(), pair._2());
        }
    }

    private record GroupsFn() implements Function<scala.Tuple2<Object, Iterable<Object>>, Object> {
        @Override
        public Object call(scala.Tuple2<Object, Iterable<Object>> group) {
            return new Tuple2<>(group._1(), list(group._2()));
        }
    }

    private record CogroupsFn()
            implements Function<
                    scala.Tuple2<Object, scala.Tuple2<Iterable<Object>, Iterable<Object>>>,
                    Object> {
        @Override
        public Object call(
                scala.Tuple2<Object, scala.Tuple2<Iterable<Object>, Iterable<Object>>> group) {
            return new Tuple2<>(
                    group._1(), new Tuple2<>(list(group._2()._1()), list(group._2()._2())));
        }
    }
}
