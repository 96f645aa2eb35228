package dev.ember.spi.plan;

import dev.ember.streaming.Batch;
import dev.ember.streaming.Time;
import dev.ember.streaming.function.VoidFunction2;

/** What an {@link OutputNode} does with each batch. */
public sealed interface OutputAction {

    /** Asks {@code visitor} the question it stands for about this action. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One question asked of every kind of output action; no default, so a new kind fails to compile
     * in every runner that does not handle it.
     *
     * @param <R> what the visitor returns
     */
    interface Visitor<R> {
        /** {@code print(num)}. */
        R visit(Print print);

        /** {@code foreachRDD}. */
        R visit(Foreach foreach);
    }

    /**
     * {@code print(num)}: Spark's exact format, for every batch including empty ones.
     *
     * @param num how many elements to show; {@code ...} follows when there are more
     */
    record Print(int num) implements OutputAction {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /** {@code foreachRDD}: the user's function, called on the driver with each batch. */
    record Foreach(VoidFunction2<Batch<Object>, Time> fn) implements OutputAction {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
