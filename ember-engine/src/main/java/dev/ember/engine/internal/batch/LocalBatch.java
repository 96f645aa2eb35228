package dev.ember.engine.internal.batch;

import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.FlatMapFunction;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function2;
import dev.ember.streaming.function.PairFunction;
import dev.ember.streaming.function.VoidFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The local runner's {@link Batch}: materialized partitions plus the narrow operations still to
 * apply to them.
 *
 * <p>A batch is a list of segments; each segment is a list of parts with its own chain of pending
 * ops (a union of differently transformed batches keeps each side's chain). Transformations only
 * extend the chains; actions run one task per part on the worker pool, pushing each element through
 * the whole chain in one loop. Immutable and safe to share between threads.
 */
public final class LocalBatch<T> implements Batch<T> {

    private record Segment(List<Part> parts, List<NarrowOp> ops) {}

    /** Thrown by a sink to end a task early (take); preallocated, no stack trace. */
    private static final RuntimeException STOP =
            new RuntimeException("take satisfied", null, false, false) {};

    private final Engine engine;
    private final List<Segment> segments;
    private final Part[] taskParts;
    private final NarrowOp[][] taskOps;

    private LocalBatch(Engine engine, List<Segment> segments) {
        this.engine = engine;
        this.segments = segments;
        int n = 0;
        for (Segment s : segments) {
            n += s.parts.size();
        }
        taskParts = new Part[n];
        taskOps = new NarrowOp[n][];
        int i = 0;
        for (Segment s : segments) {
            NarrowOp[] ops = s.ops.toArray(new NarrowOp[0]);
            for (Part p : s.parts) {
                taskParts[i] = p;
                taskOps[i++] = ops;
            }
        }
    }

    public static <T> LocalBatch<T> of(Engine engine, List<Part> parts) {
        return new LocalBatch<>(engine, List.of(new Segment(parts, List.of())));
    }

    public static <T> LocalBatch<T> empty(Engine engine) {
        return of(engine, List.of());
    }

    public static <T> LocalBatch<T> union(Engine engine, List<LocalBatch<?>> batches) {
        List<Segment> all = new ArrayList<>();
        for (LocalBatch<?> b : batches) {
            all.addAll(b.segments);
        }
        return new LocalBatch<>(engine, all);
    }

    public Engine engine() {
        return engine;
    }

    public int taskCount() {
        return taskParts.length;
    }

    /** Runs task {@code task}: its part through its op chain into {@code terminal}. */
    public void push(int task, Sink terminal) {
        Sink s = terminal;
        NarrowOp[] ops = taskOps[task];
        for (int j = ops.length - 1; j >= 0; j--) {
            s = ops[j].wrap(s);
        }
        taskParts[task].pushTo(s);
    }

    public <R> LocalBatch<R> with(NarrowOp op) {
        List<Segment> next = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            List<NarrowOp> ops = new ArrayList<>(s.ops);
            ops.add(op);
            next.add(new Segment(s.parts, ops));
        }
        return new LocalBatch<>(engine, next);
    }

    public boolean isMaterialized() {
        for (Segment s : segments) {
            if (!s.ops.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The partitions with every pending op applied. */
    public List<Part> parts() {
        if (isMaterialized()) {
            return List.of(taskParts);
        }
        Part[] out = new Part[taskParts.length];
        engine.pool()
                .runAll(
                        out.length,
                        t -> {
                            List<Object> list = new ArrayList<>(taskParts[t].size());
                            push(
                                    t,
                                    new Sink() {
                                        @Override
                                        public void accept(Object e) {
                                            list.add(e);
                                        }
                                    });
                            out[t] = Part.of(list);
                        });
        return List.of(out);
    }

    /** This batch with every pending op applied, so consumers share the work. */
    public LocalBatch<T> materialize() {
        return isMaterialized() ? this : of(engine, parts());
    }

    @Override
    public long count() {
        long[] counts = new long[taskCount()];
        engine.pool()
                .runAll(
                        counts.length,
                        t ->
                                push(
                                        t,
                                        new Sink() {
                                            @Override
                                            public void accept(Object e) {
                                                counts[t]++;
                                            }
                                        }));
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> collect() {
        List<Part> parts = parts();
        int size = 0;
        for (Part p : parts) {
            size += p.size();
        }
        List<Object> all = new ArrayList<>(size);
        for (Part p : parts) {
            p.pushTo(
                    new Sink() {
                        @Override
                        public void accept(Object e) {
                            all.add(e);
                        }
                    });
        }
        return (List<T>) Collections.unmodifiableList(all);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> take(int num) {
        if (num < 0) {
            throw new IllegalArgumentException("take needs num >= 0, got " + num);
        }
        List<Object> out = new ArrayList<>(Math.min(num, 1024));
        for (int t = 0; t < taskCount() && out.size() < num; t++) {
            try {
                push(
                        t,
                        new Sink() {
                            @Override
                            public void accept(Object e) {
                                if (out.size() >= num) {
                                    throw STOP;
                                }
                                out.add(e);
                            }
                        });
            } catch (RuntimeException e) {
                if (e != STOP) {
                    throw e;
                }
            }
        }
        return (List<T>) Collections.unmodifiableList(out);
    }

    @Override
    public T first() {
        List<T> one = take(1);
        if (one.isEmpty()) {
            throw new NoSuchElementException("first() called on an empty batch");
        }
        return one.get(0);
    }

    @Override
    public boolean isEmpty() {
        return take(1).isEmpty();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> top(int num) {
        return top(num, (a, b) -> ((Comparable<Object>) a).compareTo(b));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<T> top(int num, Comparator<? super T> comparator) {
        if (num <= 0) {
            return List.of();
        }
        Comparator<Object> cmp = (Comparator<Object>) comparator;
        List<PriorityQueue<Object>> heaps = new ArrayList<>();
        for (int t = 0; t < taskCount(); t++) {
            heaps.add(new PriorityQueue<>(cmp));
        }
        engine.pool()
                .runAll(
                        taskCount(),
                        t -> {
                            PriorityQueue<Object> heap = heaps.get(t);
                            push(
                                    t,
                                    new Sink() {
                                        @Override
                                        public void accept(Object e) {
                                            heap.add(e);
                                            if (heap.size() > num) {
                                                heap.poll();
                                            }
                                        }
                                    });
                        });
        List<Object> all = new ArrayList<>();
        heaps.forEach(all::addAll);
        all.sort(cmp.reversed());
        return (List<T>) Collections.unmodifiableList(all.subList(0, Math.min(num, all.size())));
    }

    @Override
    public <K extends Comparable<? super K>> Batch<T> sortBy(
            Function<T, K> keyFn, boolean ascending, int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException(
                    "numPartitions of sortBy must be at least 1, got " + numPartitions);
        }
        OpInfo op = CallSites.op("sortBy");
        List<T> elements = collect();
        List<Tuple2<K, T>> keyed = new ArrayList<>(elements.size());
        for (T e : elements) {
            try {
                keyed.add(new Tuple2<>(keyFn.call(e), e));
            } catch (Exception ex) {
                throw FunctionFailure.wrap(op, ex);
            }
        }
        Comparator<Tuple2<K, T>> byKey = Comparator.comparing(Tuple2::_1);
        keyed.sort(ascending ? byKey : byKey.reversed());
        List<Object> sorted = new ArrayList<>(keyed.size());
        for (Tuple2<K, T> k : keyed) {
            sorted.add(k._2());
        }
        return of(engine, Part.balance(List.of(sorted), numPartitions));
    }

    @Override
    public void foreach(VoidFunction<T> fn) {
        OpInfo op = CallSites.op("foreach");
        engine.pool()
                .runAll(
                        taskCount(),
                        t ->
                                push(
                                        t,
                                        new Sink() {
                                            @Override
                                            @SuppressWarnings("unchecked")
                                            public void accept(Object e) {
                                                try {
                                                    fn.call((T) e);
                                                } catch (Exception ex) {
                                                    throw FunctionFailure.wrap(op, ex);
                                                }
                                            }
                                        }));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void foreachPartition(VoidFunction<Iterator<T>> fn) {
        OpInfo op = CallSites.op("foreachPartition");
        List<Part> parts = parts();
        engine.pool()
                .runAll(
                        parts.size(),
                        t -> {
                            try {
                                fn.call((Iterator<T>) parts.get(t).iterator());
                            } catch (Exception ex) {
                                throw FunctionFailure.wrap(op, ex);
                            }
                        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(Function2<T, T, T> reduceFn) {
        Object result =
                reduceAll(CallSites.op("reduce"), (Function2<Object, Object, Object>) reduceFn);
        if (result == NONE) {
            throw new NoSuchElementException("reduce() called on an empty batch");
        }
        return (T) result;
    }

    private static final Object NONE = new Object();

    /** Reduces each partition, then the partial results in partition order; NONE when empty. */
    public Object reduceAll(OpInfo op, Function2<Object, Object, Object> fn) {
        Object[] partials = new Object[taskCount()];
        engine.pool()
                .runAll(
                        partials.length,
                        t -> {
                            Object[] acc = {NONE};
                            push(
                                    t,
                                    new Sink() {
                                        @Override
                                        public void accept(Object e) {
                                            acc[0] = acc[0] == NONE ? e : apply(op, fn, acc[0], e);
                                        }
                                    });
                            partials[t] = acc[0];
                        });
        Object result = NONE;
        for (Object p : partials) {
            if (p != NONE) {
                result = result == NONE ? p : apply(op, fn, result, p);
            }
        }
        return result;
    }

    public static boolean isNone(Object o) {
        return o == NONE;
    }

    private static Object apply(
            OpInfo op, Function2<Object, Object, Object> fn, Object a, Object b) {
        try {
            return fn.call(a, b);
        } catch (Exception ex) {
            throw FunctionFailure.wrap(op, ex);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Batch<R> map(Function<T, R> fn) {
        return with(NarrowOp.map(CallSites.op("map"), (Function<Object, Object>) fn));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Batch<T> filter(Function<T, Boolean> predicate) {
        return with(NarrowOp.filter(CallSites.op("filter"), (Function<Object, Boolean>) predicate));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> Batch<R> flatMap(FlatMapFunction<T, R> fn) {
        return with(
                NarrowOp.flatMap(CallSites.op("flatMap"), (FlatMapFunction<Object, Object>) fn));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Batch<Tuple2<K, V>> mapToPair(PairFunction<T, K, V> fn) {
        return with(
                NarrowOp.mapToPair(
                        CallSites.op("mapToPair"), (PairFunction<Object, Object, Object>) fn));
    }

    @Override
    public Batch<T> union(Batch<T> other) {
        return union(engine, List.of(this, of(other)));
    }

    @Override
    public int getNumPartitions() {
        return taskCount();
    }

    /** The local form of a batch handed back by user code (transform). */
    public static LocalBatch<?> of(Batch<?> batch) {
        if (batch instanceof LocalBatch<?> local) {
            return local;
        }
        throw new IllegalArgumentException(
                "batch of type "
                        + batch.getClass().getName()
                        + " does not come from the local runner: build it from the batch you"
                        + " were given (map, filter, union, ...)");
    }

    @Override
    public String toString() {
        return "Batch[" + taskCount() + " partitions]";
    }
}
