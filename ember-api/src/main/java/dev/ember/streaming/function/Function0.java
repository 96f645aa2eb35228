package dev.ember.streaming.function;

import java.io.Serializable;

/**
 * A function of no arguments, as Spark's {@code Function0}.
 *
 * <p>Serializable so that the Spark runner can ship it to executors; the local runner never
 * serialises it.
 */
@FunctionalInterface
public interface Function0<R> extends Serializable {
    /**
     * Applies this function. An exception thrown here fails the batch with an error that names the
     * operator and the batch time.
     */
    R call() throws Exception;
}
