package dev.ember.engine.internal;

import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import java.util.ArrayList;
import java.util.List;

/**
 * How a key-based operation folds values: Spark's combineByKey triple. reduceByKey is the case
 * where the first value is its own combiner, so no function is called for it.
 */
final class Combiner {
    final OpInfo op;
    private final Function<Object, Object> create;
    private final Function2<Object, Object, Object> mergeValue;
    private final Function2<Object, Object, Object> mergeCombiners;
    final boolean mapSideCombine;

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
    }

    static Combiner reduce(OpInfo op, Function2<Object, Object, Object> reduceFn) {
        return new Combiner(op, null, reduceFn, reduceFn, true);
    }

    static Combiner combine(
            OpInfo op,
            Function<Object, Object> create,
            Function2<Object, Object, Object> mergeValue,
            Function2<Object, Object, Object> mergeCombiners,
            boolean mapSideCombine) {
        return new Combiner(op, create, mergeValue, mergeCombiners, mapSideCombine);
    }

    /** groupByKey: values gathered into lists; no map-side combine, as in Spark. */
    @SuppressWarnings("unchecked")
    static Combiner group(OpInfo op) {
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
                false);
    }

    Object create(Object value) {
        if (create == null) {
            return value;
        }
        try {
            return create.call(value);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }

    Object mergeValue(Object combiner, Object value) {
        try {
            return mergeValue.call(combiner, value);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }

    Object mergeCombiners(Object a, Object b) {
        try {
            return mergeCombiners.call(a, b);
        } catch (Exception e) {
            throw FunctionFailure.wrap(op, e);
        }
    }
}
