package dev.ember.streaming.function;

import java.io.Serializable;
import java.util.Iterator;

/**
 * A function that turns an element into zero or more elements, returned as an {@link Iterator} (as
 * in Spark 2.0 and later).
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface FlatMapFunction<T, R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    Iterator<R> call(T t) throws Exception;
}
