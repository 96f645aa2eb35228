package dev.ember.streaming.function;

import dev.ember.streaming.Tuple2;
import java.io.Serializable;

/**
 * A function that turns an element into a key-value pair, as Spark's {@code PairFunction}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface PairFunction<T, K, V> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    Tuple2<K, V> call(T t) throws Exception;
}
