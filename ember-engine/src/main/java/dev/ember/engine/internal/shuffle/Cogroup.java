package dev.ember.engine.internal.shuffle;

import dev.ember.engine.internal.batch.LocalBatch;
import dev.ember.engine.internal.batch.Part;
import dev.ember.spi.plan.OpInfo;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cogroup shuffle: the pairs of two batches hashed by key into N partitions, each key with the
 * list of its values from each side. Every join of the API is this plus a flatMapValues that pairs
 * the two lists, as in Spark, so this is the only two-input shuffle of the engine.
 *
 * <p>Map phase: the shuffle's own ({@link Shuffle#mapSide}) over each side with a grouping
 * combiner: each input task routes its pairs by key hash mod N (Spark's HashPartitioner) into one
 * {@link CombineMap} per output partition that groups the values of each key in arrival order.
 * Reduce phase: partition p merges the left tasks' groups in task order, then the right tasks'. So
 * within a side a key's values keep their arrival order (by input partition, then position), and
 * keys come out in order of first appearance, left before right: deterministic for a given input.
 *
 * <p>Grouping is the only map-side work: a cogroup keeps every value, as Spark's CoGroupedRDD does,
 * so there is nothing to combine. A task's first list for a key is handed to the reduce side as is;
 * only later ones are copied into it.
 */
public final class Cogroup {
    private Cogroup() {}

    /** The values of one key on each side; a side with none stays null until the output. */
    private static final class Group {
        List<Object> left;
        List<Object> right;

        void add(boolean isLeft, List<Object> values) {
            List<Object> side = isLeft ? left : right;
            if (side == null) {
                if (isLeft) {
                    left = values;
                } else {
                    right = values;
                }
            } else {
                side.addAll(values);
            }
        }
    }

    public static List<Part> run(
            OpInfo op, LocalBatch<?> left, LocalBatch<?> right, int partitions) {
        Combiner grouping = Combiner.group(op, true);
        Object[][] leftOutputs = Shuffle.mapSide(left, grouping, partitions);
        Object[][] rightOutputs = Shuffle.mapSide(right, grouping, partitions);
        Object[][] mapOutputs = new Object[leftOutputs.length + rightOutputs.length][];
        System.arraycopy(leftOutputs, 0, mapOutputs, 0, leftOutputs.length);
        System.arraycopy(rightOutputs, 0, mapOutputs, leftOutputs.length, rightOutputs.length);
        Part[] result = new Part[partitions];
        left.engine()
                .pool()
                .runAll(
                        partitions,
                        p -> result[p] = reduce(grouping, mapOutputs, leftOutputs.length, p));
        return List.of(result);
    }

    @SuppressWarnings("unchecked")
    private static Part reduce(Combiner grouping, Object[][] mapOutputs, int leftTasks, int p) {
        CombineMap groups = null;
        for (int t = 0; t < mapOutputs.length; t++) {
            CombineMap m = (CombineMap) mapOutputs[t][p];
            if (m == null) {
                continue;
            }
            if (groups == null) {
                groups = new CombineMap(m.size());
            }
            boolean isLeft = t < leftTasks;
            for (int e = 0, n = m.size(); e < n; e++) {
                Object key = m.key(e);
                int hash = m.hash(e);
                int slot = Shuffle.slotOf(groups, grouping, key, hash);
                int existing = groups.entryAt(slot);
                Group group;
                if (existing < 0) {
                    group = new Group();
                    groups.insertAt(slot, key, hash, group);
                } else {
                    group = (Group) groups.value(existing);
                }
                group.add(isLeft, (List<Object>) m.value(e));
            }
        }
        if (groups == null) {
            return Part.EMPTY;
        }
        List<Object> out = new ArrayList<>(groups.size());
        for (int e = 0, n = groups.size(); e < n; e++) {
            Group g = (Group) groups.value(e);
            out.add(new Tuple2<>(groups.key(e), new Tuple2<>(view(g.left), view(g.right))));
        }
        return Part.of(out);
    }

    private static List<Object> view(List<Object> values) {
        return values == null ? List.of() : Collections.unmodifiableList(values);
    }
}
