package dev.ember.test;

import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Comparisons for batches whose order the engine does not define: the output of a shuffle
 * (partition order is the engine's choice) or of a repartition.
 */
final class Unordered {
    private Unordered() {}

    /** The elements sorted by natural order, for comparing batches as multisets. */
    static <T extends Comparable<? super T>> List<T> sorted(Collection<T> elements) {
        List<T> copy = new ArrayList<>(elements);
        copy.sort(Comparator.naturalOrder());
        return copy;
    }

    /** How often each element occurs, by its string form, for elements that are not comparable. */
    static Map<String, Integer> multiset(Collection<?> elements) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object e : elements) {
            counts.merge(String.valueOf(e), 1, Integer::sum);
        }
        return counts;
    }

    /** Pairs sorted by key; keyed outputs hold each key once, so this is their canonical order. */
    static <K extends Comparable<? super K>, V> List<Tuple2<K, V>> byKey(
            Collection<Tuple2<K, V>> pairs) {
        List<Tuple2<K, V>> copy = new ArrayList<>(pairs);
        copy.sort(Comparator.comparing(Tuple2::_1));
        return copy;
    }

    /** Groups sorted by key, each group's values sorted: groupByKey's output without its order. */
    static <K extends Comparable<? super K>, V extends Comparable<? super V>>
            List<Tuple2<K, List<V>>> groups(Collection<Tuple2<K, Iterable<V>>> groups) {
        List<Tuple2<K, List<V>>> out = new ArrayList<>();
        for (Tuple2<K, Iterable<V>> group : groups) {
            List<V> values = new ArrayList<>();
            group._2().forEach(values::add);
            values.sort(Comparator.naturalOrder());
            out.add(Tuple2.of(group._1(), values));
        }
        out.sort(Comparator.comparing(Tuple2::_1));
        return out;
    }
}
