package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of two arguments, as Spark's {@code Function2}; reduce functions must be associative
 * and commutative.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface Function2<T1, T2, R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    R call(T1 v1, T2 v2) throws Exception;
}
