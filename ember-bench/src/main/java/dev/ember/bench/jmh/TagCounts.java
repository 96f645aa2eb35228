package dev.ember.bench.jmh;

import dev.ember.sql.SqlContext;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The SQL benchmarks' data and context: hashtag counts as the tutorial's job registers them, and a
 * {@link SqlContext} on a streaming context that never starts (frames of lists, views and queries
 * need no running stream).
 */
final class TagCounts implements AutoCloseable {
    /** One row of a counts table, for {@code createDataFrame}. */
    public record TagCount(String tag, long count) {}

    final StreamingContext ssc = new StreamingContext("local[1]", "bench", Durations.seconds(1));
    final SqlContext sql = SqlContext.create(ssc);

    /**
     * {@code rows} distinct tags with Zipf counts (the most frequent 100,000), in a shuffled order
     * that is the same on every run, so a query has to sort them.
     */
    static List<Tuple2<String, Long>> tuples(int rows) {
        List<Tuple2<String, Long>> counts = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            counts.add(Tuple2.of("#tag" + i, 100_000L / (i + 1)));
        }
        Collections.shuffle(counts, new Random(42));
        return counts;
    }

    /** The same rows as {@link #tuples}, as records. */
    static List<TagCount> records(int rows) {
        return tuples(rows).stream().map(t -> new TagCount(t._1(), t._2())).toList();
    }

    @Override
    public void close() {
        sql.close();
        ssc.stop();
    }
}
