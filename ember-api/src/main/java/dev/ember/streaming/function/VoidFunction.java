package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function with no result, used by output operations, as Spark's {@code VoidFunction}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface VoidFunction<T> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    void call(T t) throws Exception;
}
