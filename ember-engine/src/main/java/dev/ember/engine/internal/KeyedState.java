package dev.ember.engine.internal;

import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.Tuple2;
import java.util.List;

/**
 * The state of a keyed stateful operator: one {@link CombineMap} per hash partition (partition =
 * key hash mod N, as the shuffle's), so that a batch shuffled into the same N partitions updates
 * partition p from shuffle output p alone, with no locks: one task per partition. The state is
 * updated in place; only the keys a batch touches are written, and nothing is copied unless a
 * snapshot is asked for.
 */
final class KeyedState {
    private final OpInfo op;
    private final Engine engine;
    private final CombineMap[] maps;

    KeyedState(OpInfo op, int numPartitions, Engine engine) {
        this.op = op;
        this.engine = engine;
        int partitions = engine.partitions(numPartitions);
        this.maps = new CombineMap[partitions];
        for (int p = 0; p < partitions; p++) {
            maps[p] = CombineMap.ofLongs(16);
        }
    }

    int partitions() {
        return maps.length;
    }

    CombineMap partition(int p) {
        return maps[p];
    }

    Engine engine() {
        return engine;
    }

    /**
     * Adds {@code pairs} to the state with {@code time}; a key listed twice keeps its last state.
     */
    void load(List<Tuple2<Object, Object>> pairs, long time) {
        for (Tuple2<Object, Object> pair : pairs) {
            Object key = pair._1();
            int hash = CombineMap.hashOf(key);
            CombineMap map = maps[Shuffle.partitionOf(hash, maps.length)];
            int slot = map.slotOf(key, hash);
            int e = map.entryAt(slot);
            if (e < 0) {
                map.insertAt(slot, key, hash, pair._2(), time);
            } else {
                map.setValue(e, pair._2());
                map.setLong(e, time);
            }
        }
    }

    /**
     * The batch's pairs shuffled into the state's partitions, each key once with the list of its
     * values in arrival order.
     */
    List<Part> group(LocalBatch<?> input) {
        return Shuffle.run(input, Combiner.group(op), maps.length);
    }

    /** Every key with its state, as a batch partitioned like the state; copies the whole state. */
    LocalBatch<?> snapshot() {
        Part[] out = new Part[maps.length];
        engine.pool().runAll(maps.length, p -> out[p] = maps[p].pairs());
        return LocalBatch.of(engine, List.of(out));
    }
}
