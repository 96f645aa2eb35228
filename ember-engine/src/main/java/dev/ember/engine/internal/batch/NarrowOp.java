package dev.ember.engine.internal.batch;

import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.PairFlatMapFunction;
import dev.ember.streaming.function.PairFunction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An element-wise transformation that fuses into a partition's push loop. Each op wraps the
 * downstream sink in a sink of its own; a chain of ops becomes one nested sink per task.
 *
 * <p>User exceptions are wrapped in {@link FunctionFailure} with the operator, so the job can name
 * it; the try blocks cost nothing on the normal path.
 */
public interface NarrowOp {

    Sink wrap(Sink down);

    static NarrowOp map(OpInfo op, Function<Object, Object> fn) {
        return down ->
                new ChainedSink(down) {
                    @Override
                    public void accept(Object e) {
                        Object r;
                        try {
                            r = fn.call(e);
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                        down.accept(r);
                    }
                };
    }

    static NarrowOp mapToPair(OpInfo op, PairFunction<Object, Object, Object> fn) {
        return map(op, fn::call);
    }

    static NarrowOp filter(OpInfo op, Function<Object, Boolean> predicate) {
        return down ->
                new ChainedSink(down) {
                    @Override
                    public void accept(Object e) {
                        boolean keep;
                        try {
                            keep = predicate.call(e);
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                        if (keep) {
                            down.accept(e);
                        }
                    }
                };
    }

    static NarrowOp flatMap(OpInfo op, FlatMapFunction<Object, Object> fn) {
        return down ->
                new ChainedSink(down) {
                    @Override
                    public void accept(Object e) {
                        try {
                            Iterator<Object> it = fn.call(e);
                            while (it.hasNext()) {
                                down.accept(it.next());
                            }
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                    }
                };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static NarrowOp flatMapToPair(OpInfo op, PairFlatMapFunction<Object, Object, Object> fn) {
        return flatMap(op, e -> (Iterator) fn.call(e));
    }

    static NarrowOp mapValues(OpInfo op, Function<Object, Object> fn) {
        return down ->
                new ChainedSink(down) {
                    @Override
                    public void accept(Object e) {
                        Tuple2<?, ?> t = (Tuple2<?, ?>) e;
                        Object v;
                        try {
                            v = fn.call(t._2());
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                        down.accept(new Tuple2<>(t._1(), v));
                    }
                };
    }

    static NarrowOp flatMapValues(OpInfo op, FlatMapFunction<Object, Object> fn) {
        return down ->
                new ChainedSink(down) {
                    @Override
                    public void accept(Object e) {
                        Tuple2<?, ?> t = (Tuple2<?, ?>) e;
                        try {
                            Iterator<Object> it = fn.call(t._2());
                            while (it.hasNext()) {
                                down.accept(new Tuple2<>(t._1(), it.next()));
                            }
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                    }
                };
    }

    /** Buffers the partition, then hands it to the function as one iterator at its end. */
    static NarrowOp mapPartitions(OpInfo op, FlatMapFunction<Iterator<Object>, Object> fn) {
        return down ->
                new ChainedSink(down) {
                    private final List<Object> buffer = new ArrayList<>();

                    @Override
                    public void accept(Object e) {
                        buffer.add(e);
                    }

                    @Override
                    public void finish() {
                        try {
                            Iterator<Object> it = fn.call(buffer.iterator());
                            while (it.hasNext()) {
                                down.accept(it.next());
                            }
                        } catch (Exception ex) {
                            throw FunctionFailure.wrap(op, ex);
                        }
                        buffer.clear();
                        down.finish();
                    }
                };
    }
}
