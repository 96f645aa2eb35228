package dev.ember.engine.internal.shuffle;

import dev.ember.engine.internal.batch.FunctionFailure;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.batch.Sink;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash shuffle of key-based operations, with map-side combine.
 *
 * <p>Map phase: each input task pushes its pairs through its fused pipeline into one {@link
 * CombineMap} per output partition (partition = key hash mod N, as Spark's HashPartitioner), so a
 * key appears at most once per task and partition. Reduce phase: output partition p merges the maps
 * of every task for p in task order. Both phases run on the worker pool. Output order within a
 * partition is the order in which keys first appeared in the batch, so results are deterministic
 * for a given input order.
 */
public final class Shuffle {
    private Shuffle() {}

    public static int partitionOf(int hash, int partitions) {
        return Math.floorMod(hash, partitions);
    }

    public static List<Part> run(LocalBatch<?> input, Combiner combiner, int partitions) {
        Object[][] mapOutputs = mapSide(input, combiner, partitions);
        Part[] result = new Part[partitions];
        input.engine().pool().runAll(partitions, p -> result[p] = reduce(mapOutputs, p, combiner));
        return List.of(result);
    }

    /**
     * The map phase alone: per input task, per output partition, a {@link CombineMap} of the task's
     * combiners (or, without map-side combine, a list of its pairs), null where none.
     */
    public static Object[][] mapSide(LocalBatch<?> input, Combiner combiner, int partitions) {
        Object[][] mapOutputs = new Object[input.taskCount()][];
        input.engine()
                .pool()
                .runAll(
                        mapOutputs.length,
                        t -> {
                            MapSideSink sink = new MapSideSink(combiner, partitions);
                            input.push(t, sink);
                            mapOutputs[t] = sink.outputs;
                        });
        return mapOutputs;
    }

    private static Part reduce(Object[][] mapOutputs, int p, Combiner combiner) {
        CombineMap acc = null;
        for (Object[] outputs : mapOutputs) {
            Object out = outputs[p];
            if (out == null) {
                continue;
            }
            if (combiner.mapSideCombine) {
                CombineMap m = (CombineMap) out;
                if (acc == null) {
                    acc = m;
                    continue;
                }
                for (int e = 0, n = m.size(); e < n; e++) {
                    mergeEntry(acc, m, e, combiner);
                }
            } else {
                @SuppressWarnings("unchecked")
                List<Tuple2<Object, Object>> pairs = (List<Tuple2<Object, Object>>) out;
                if (acc == null) {
                    acc = new CombineMap(pairs.size());
                }
                for (Tuple2<Object, Object> pair : pairs) {
                    Object key = pair._1();
                    fold(acc, combiner, key, CombineMap.hashOf(key), pair._2());
                }
            }
        }
        if (acc == null) {
            return Part.EMPTY;
        }
        List<Object> out = new ArrayList<>(acc.size());
        boolean primitive = combiner.isPrimitiveSum();
        for (int e = 0, n = acc.size(); e < n; e++) {
            Object value = primitive ? combiner.box(acc.longValue(e)) : acc.value(e);
            out.add(new Tuple2<>(acc.key(e), value));
        }
        return Part.of(out);
    }

    /** Adds entry {@code e} of a map task's combiners into {@code acc}. */
    private static void mergeEntry(CombineMap acc, CombineMap m, int e, Combiner combiner) {
        Object key = m.key(e);
        int hash = m.hash(e);
        int slot = slotOf(acc, combiner, key, hash);
        int existing = acc.entryAt(slot);
        if (combiner.isPrimitiveSum()) {
            if (existing < 0) {
                acc.insertLongAt(slot, key, hash, m.longValue(e));
            } else {
                acc.addLong(existing, m.longValue(e));
            }
        } else if (existing < 0) {
            acc.insertAt(slot, key, hash, m.value(e));
        } else {
            acc.setValue(existing, combiner.mergeCombiners(acc.value(existing), m.value(e)));
        }
    }

    /** A key's slot; a key class whose {@code equals} throws fails as the operator's function. */
    public static int slotOf(CombineMap map, Combiner combiner, Object key, int hash) {
        try {
            return map.slotOf(key, hash);
        } catch (RuntimeException e) {
            throw FunctionFailure.wrap(combiner.op, e);
        }
    }

    /** Folds one value into its key's combiner, creating the combiner for a new key. */
    public static void fold(CombineMap map, Combiner combiner, Object key, int hash, Object value) {
        int slot = slotOf(map, combiner, key, hash);
        int e = map.entryAt(slot);
        if (combiner.isPrimitiveSum()) {
            long v = combiner.toLong(value);
            if (e < 0) {
                map.insertLongAt(slot, key, hash, v);
            } else {
                map.addLong(e, v);
            }
        } else if (e < 0) {
            map.insertAt(slot, key, hash, combiner.create(value));
        } else {
            map.setValue(e, combiner.mergeValue(map.value(e), value));
        }
    }

    /** Terminal sink of a map task: combines (or just routes) pairs per output partition. */
    private static final class MapSideSink extends Sink {
        private final Combiner combiner;
        private final int partitions;
        private final boolean primitive;
        final Object[] outputs;

        MapSideSink(Combiner combiner, int partitions) {
            this.combiner = combiner;
            this.primitive = combiner.isPrimitiveSum();
            this.partitions = partitions;
            this.outputs = new Object[partitions];
        }

        @Override
        public void accept(Object element) {
            Tuple2<?, ?> pair = (Tuple2<?, ?>) element;
            Object key = pair._1();
            int hash;
            try {
                hash = CombineMap.hashOf(key);
            } catch (RuntimeException e) {
                throw FunctionFailure.wrap(combiner.op, e);
            }
            int p = partitions == 1 ? 0 : partitionOf(hash, partitions);
            if (combiner.mapSideCombine) {
                CombineMap map = (CombineMap) outputs[p];
                if (map == null) {
                    map = primitive ? CombineMap.ofLongs(1024) : new CombineMap(1024);
                    outputs[p] = map;
                }
                fold(map, combiner, key, hash, pair._2());
            } else {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) outputs[p];
                if (list == null) {
                    list = new ArrayList<>();
                    outputs[p] = list;
                }
                list.add(pair);
            }
        }
    }
}
