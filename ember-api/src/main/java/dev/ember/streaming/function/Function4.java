package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of four arguments, as Spark's {@code Function4}; {@code mapWithState}'s mapping
 * function with the batch time takes this form.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface Function4<T1, T2, T3, T4, R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    R call(T1 v1, T2 v2, T3 v3, T4 v4) throws Exception;
}
