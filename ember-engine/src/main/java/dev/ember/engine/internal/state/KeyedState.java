package dev.ember.engine.internal.state;

import dev.ember.engine.internal.batch.Engine;
import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.engine.internal.shuffle.CombineMap;
import dev.ember.engine.internal.shuffle.Combiner;
import dev.ember.engine.internal.shuffle.Shuffle;
import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.util.List;

/**
 * The state of a keyed stateful operator: one {@link CombineMap} per hash partition (partition =
 * key hash mod N, as the shuffle's), so that a batch shuffled into the same N partitions updates
 * partition p from shuffle output p alone, with no locks: one task per partition. The state is
 * updated in place; only the keys a batch touches are written, and nothing is copied unless a
 * snapshot is asked for.
 */
public final class KeyedState {
    private final OpInfo op;
    private final Engine engine;
    private final CombineMap[] maps;

    public KeyedState(OpInfo op, int numPartitions, Engine engine) {
        this.op = op;
        this.engine = engine;
        int partitions = engine.partitions(numPartitions);
        this.maps = new CombineMap[partitions];
        for (int p = 0; p < partitions; p++) {
            maps[p] = CombineMap.ofLongs(16);
        }
    }

    public int partitions() {
        return maps.length;
    }

    /** The number of keys, over every partition. */
    public long size() {
        long n = 0;
        for (CombineMap map : maps) {
            n += map.size();
        }
        return n;
    }

    public CombineMap partition(int p) {
        return maps[p];
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Adds {@code pairs} to the state with {@code time}; a key listed twice keeps its last state.
     */
    public void load(List<Tuple2<Object, Object>> pairs, long time) {
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

    /** A copy of every partition's entries, for a state capture. */
    public CombineMap.Entries[] capture() {
        CombineMap.Entries[] parts = new CombineMap.Entries[maps.length];
        for (int p = 0; p < maps.length; p++) {
            parts[p] = maps[p].entries();
        }
        return parts;
    }

    /**
     * Writes captured entries, whatever their partitioning: a count, then each key, value and long,
     * so a restore may spread them over another number of partitions.
     */
    public static void write(CombineMap.Entries[] parts, StateOutput out) throws IOException {
        long total = 0;
        for (CombineMap.Entries part : parts) {
            total += part.size();
        }
        out.writeLong(total);
        for (CombineMap.Entries part : parts) {
            for (int e = 0; e < part.size(); e++) {
                out.writeValue(part.keys()[e]);
                out.writeValue(part.values()[e]);
                out.writeLong(part.longs()[e]);
            }
        }
    }

    /** Replaces the state with the entries written by {@link #write}. */
    public void restore(StateInput in) throws IOException {
        for (CombineMap map : maps) {
            map.clear();
        }
        long total = in.readLong();
        for (long i = 0; i < total; i++) {
            Object key = in.readValue();
            Object value = in.readValue();
            long time = in.readLong();
            int hash = CombineMap.hashOf(key);
            CombineMap map = maps[Shuffle.partitionOf(hash, maps.length)];
            map.insertAt(map.slotOf(key, hash), key, hash, value, time);
        }
    }

    /**
     * The batch's pairs shuffled into the state's partitions, each key once with the list of its
     * values in arrival order.
     */
    public List<Part> group(LocalBatch<?> input) {
        return Shuffle.run(input, Combiner.group(op), maps.length);
    }

    /** Every key with its state, as a batch partitioned like the state; copies the whole state. */
    public LocalBatch<?> snapshot() {
        Part[] out = new Part[maps.length];
        engine.pool().runAll(maps.length, p -> out[p] = maps[p].pairs());
        return LocalBatch.of(engine, List.of(out));
    }
}
