package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of one argument, as Spark's {@code org.apache.spark.api.java.function.Function}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface Function<T, R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    R call(T v1) throws Exception;
}
