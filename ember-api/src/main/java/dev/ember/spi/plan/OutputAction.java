package dev.ember.spi.plan;

import dev.ember.streaming.Batch;
import dev.ember.streaming.Time;
import dev.ember.streaming.function.VoidFunction2;

/** What an {@link OutputNode} does with each batch. */
public sealed interface OutputAction {

    /**
     * {@code print(num)}: Spark's exact format, for every batch including empty ones.
     *
     * @param num how many elements to show; {@code ...} follows when there are more
     */
    record Print(int num) implements OutputAction {}

    /** {@code foreachRDD}: the user's function, called on the driver with each batch. */
    record Foreach(VoidFunction2<Batch<Object>, Time> fn) implements OutputAction {}
}
