package dev.ember.bench.jmh;

import dev.ember.sql.DataFrame;
import dev.ember.sql.ReadOnlySql;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The tutorial's query on a view of hashtag counts, in queries per second: {@code select tag, count
 * from v order by count desc limit 10} through {@code SqlContext.sql} ({@code sql}) and through
 * {@code readOnly().sql} ({@code readOnlySql}), whose guard parses the text in the database first
 * and arms a statement timeout; the difference is the guard's cost. {@code rows} is the view's
 * size, 10 or 10,000. Every query returns 10 rows, read into a frame. One thread, no concurrent
 * swaps.
 */
public class SqlQueryBench extends LongWarmupBench {
    static final String QUERY = "select tag, count from v order by count desc limit 10";

    @Param({"10", "10000"})
    public int rows;

    private TagCounts counts;
    private ReadOnlySql readOnly;

    @Setup
    public void setUp() {
        counts = new TagCounts();
        counts.sql.toDF(TagCounts.tuples(rows), "tag", "count").createOrReplaceTempView("v");
        readOnly = counts.sql.readOnly();
        check(counts.sql.sql(QUERY));
        check(readOnly.sql(QUERY));
    }

    private void check(DataFrame result) {
        long top = result.first().getLong(1);
        if (result.count() != 10 || top != 100_000L) {
            throw new IllegalStateException(
                    "the query returned "
                            + result.count()
                            + " rows, the first with count "
                            + top
                            + "; expected 10 rows from 100000 down");
        }
    }

    @TearDown
    public void tearDown() {
        counts.close();
    }

    @Benchmark
    public DataFrame sql() {
        return counts.sql.sql(QUERY);
    }

    @Benchmark
    public DataFrame readOnlySql() {
        return readOnly.sql(QUERY);
    }
}
