package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of three arguments, as Spark's {@code Function3}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface Function3<T1, T2, T3, R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    R call(T1 v1, T2 v2, T3 v3) throws Exception;
}
