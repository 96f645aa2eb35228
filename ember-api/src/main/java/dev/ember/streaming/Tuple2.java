package dev.ember.streaming;

import java.io.Serializable;

/**
 * A pair, as Scala's {@code Tuple2} in Spark's Java API: the element type of {@link PairDStream}.
 *
 * <p>{@link #toString()} gives {@code (a,b)}, the form Spark's {@code print()} shows for pairs.
 *
 * @param _1 the first element (the key in a pair stream)
 * @param _2 the second element (the value in a pair stream)
 */
public record Tuple2<A, B>(A _1, B _2) implements Serializable {

    /** Shorthand for {@code new Tuple2<>(a, b)}. */
    public static <A, B> Tuple2<A, B> of(A a, B b) {
        return new Tuple2<>(a, b);
    }

    /** The same pair with its elements swapped. */
    public Tuple2<B, A> swap() {
        return new Tuple2<>(_2, _1);
    }

    @Override
    public String toString() {
        return "(" + _1 + "," + _2 + ")";
    }
}
