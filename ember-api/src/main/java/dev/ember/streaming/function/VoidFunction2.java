package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of two arguments with no result, as Spark's {@code VoidFunction2}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface VoidFunction2<T1, T2> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    void call(T1 v1, T2 v2) throws Exception;
}
