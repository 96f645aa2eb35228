package dev.ember.streaming.function;

import dev.ember.streaming.Tuple2;
import java.io.Serializable;
import java.util.Iterator;

/**
 * A function that turns an element into zero or more key-value pairs, as Spark's {@code
 * PairFlatMapFunction}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface PairFlatMapFunction<T, K, V> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    Iterator<Tuple2<K, V>> call(T t) throws Exception;
}
