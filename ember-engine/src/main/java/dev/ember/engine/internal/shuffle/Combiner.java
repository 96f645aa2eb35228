package dev.ember.engine.internal.shuffle;

import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.KnownFunctions;
import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.util.ArrayList;
import java.util.List;

/**
 * How a key-based operation folds values: Spark's combineByKey triple. reduceByKey is the case
 * where the first value is its own combiner, so no function is called for it.
 */
public final class Combiner {
    final OpInfo op;
    private final Function<Object, Object> create;
    private final Function2<Object, Object, Object> mergeValue;
    private final Function2<Object, Object, Object> mergeCombiners;
    final boolean mapSideCombine;

    /** INT or LONG when values are summed by Integer::sum or Long::sum: folded unboxed. */
    final KnownFunctions.Sum sum;

    private Combiner(
            OpInfo op,
            Function<Object, Object> create,
            Function2<Object, Object, Object> mergeValue,
            Function2<Object, Object, Object> mergeCombiners,
            boolean mapSideCombine) {
        this.op = op;
        this.create = create;
        this.mergeValue = mergeValue;
        this.mergeCombiners = mergeCombiners;
        this.mapSideCombine = mapSideCombine;
        this.sum =
                create == null && mergeValue != null
                        ? KnownFunctions.sumOf(mergeValue)
                        : KnownFunctions.Sum.NONE;
    }

    public boolean isPrimitiveSum() {
        return sum != KnownFunctions.Sum.NONE;
    }

    public long toLong(Object value) {
        if (value == null) {
            throw FunctionFailure.wrap(
                    op,
                    new NullPointerException("a null value cannot be summed by " + op.describe()));
        }
        return ((Number) value).longValue();
    }

    /** The boxed result, with the wrap-around of the int or long sum it replaces. */
    public Object box(long total) {
        return sum == KnownFunctions.Sum.INT
                ? (Object) Integer.valueOf((int) total)
                : (Object) total;
    }

    public static Combiner reduce(OpInfo op, Function2<Object, Object, Object> reduceFn) {
        return new Combiner(op, null, reduceFn, reduceFn, true);
    }

    public static Combiner combine(
            OpInfo op,
            Function<Object, Object> create,
            Function2<Object, Object, Object> mergeValue,
            Function2<Object, Object, Object> mergeCombiners,
            boolean mapSideCombine) {
        return new Combiner(op, create, mergeValue, mergeCombiners, mapSideCombine);
    }

    /** groupByKey: values gathered into lists; no map-side combine, as in Spark. */
    public static Combiner group(OpInfo op) {
        return group(op, false);
    }

    /**
     * Values gathered into lists, each key's list in arrival order; with {@code mapSideCombine}
     * each map task already groups its values per key (what cogroup needs from either side).
     */
    @SuppressWarnings("unchecked")
    public static Combiner group(OpInfo op, boolean mapSideCombine) {
        return new Combiner(
                op,
                v -> {
                    List<Object> l = new ArrayList<>(4);
                    l.add(v);
                    return l;
                },
                (l, v) -> {
                    ((List<Object>) l).add(v);
                    return l;
                },
                (a, b) -> {
                    ((List<Object>) a).addAll((List<Object>) b);
                    return a;
                },
                mapSideCombine);
    }

    public Object create(Object value) {
        if (create == null) {
            return value;
        }
        try {
            return create.call(value);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }

    public Object mergeValue(Object combiner, Object value) {
        try {
            return mergeValue.call(combiner, value);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }

    public Object mergeCombiners(Object a, Object b) {
        try {
            return mergeCombiners.call(a, b);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }
}
