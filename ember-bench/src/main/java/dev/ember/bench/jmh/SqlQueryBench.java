package dev.ember.bench.jmh;

import dev.ember.sql.DataFrame;
import dev.ember.sql.ReadOnlySql;
import dev.ember.streaming.Tuple2;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The tutorial's query on a view of hashtag counts, in queries per second: {@code select tag, count
 * from v order by count desc limit 10} through {@code SqlContext.sql} ({@code sql}) and through
 * {@code readOnly().sql} ({@code readOnlySql}), whose guard parses the text in the database first
 * and arms a statement timeout; the difference is the guard's cost. The guard caches what it
 * decided per query text, so {@code readOnlySql} repeats a checked query, as a dashboard that polls
 * does; {@code readOnlySqlNewText} makes every query's text new (a trailing comment with a
 * counter), so each one pays the whole check. {@code jdbcBaseline} runs the same query on a plain
 * DuckDB connection that holds the same rows in a table behind a view, with no Ember in between, so
 * the difference from {@code sql} is Ember's own share. {@code rows} is the view's size, 10 or
 * 10,000. Every query returns 10 rows, read into a frame (a list of rows for the baseline). One
 * thread, no concurrent swaps.
 */
public class SqlQueryBench extends LongWarmupBench {
    static final String QUERY = "select tag, count from v order by count desc limit 10";

    @Param({"10", "10000"})
    public int rows;

    private TagCounts counts;
    private ReadOnlySql readOnly;
    private Connection plain;
    private long queries;

    @Setup
    public void setUp() throws SQLException {
        List<Tuple2<String, Long>> tuples = TagCounts.tuples(rows);
        counts = new TagCounts();
        counts.sql.toDF(tuples, "tag", "count").createOrReplaceTempView("v");
        readOnly = counts.sql.readOnly();
        check(counts.sql.sql(QUERY).count(), counts.sql.sql(QUERY).first().getLong(1));
        check(readOnly.sql(QUERY).count(), readOnly.sql(QUERY).first().getLong(1));

        plain = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = plain.createStatement()) {
            s.execute("CREATE TABLE t (tag VARCHAR, count BIGINT)");
            s.execute("CREATE VIEW v AS SELECT tag, count FROM t");
        }
        try (PreparedStatement insert = plain.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (Tuple2<String, Long> t : tuples) {
                insert.setString(1, t._1());
                insert.setLong(2, t._2());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Object[]> baseline = jdbcBaseline();
        check(baseline.size(), (Long) baseline.get(0)[1]);
    }

    private static void check(long rowCount, long top) {
        if (rowCount != 10 || top != 100_000L) {
            throw new IllegalStateException(
                    "the query returned "
                            + rowCount
                            + " rows, the first with count "
                            + top
                            + "; expected 10 rows from 100000 down");
        }
    }

    @TearDown
    public void tearDown() throws SQLException {
        plain.close();
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

    @Benchmark
    public DataFrame readOnlySqlNewText() {
        return readOnly.sql(QUERY + " -- " + (++queries));
    }

    @Benchmark
    public List<Object[]> jdbcBaseline() throws SQLException {
        List<Object[]> result = new ArrayList<>();
        try (Statement s = plain.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                result.add(new Object[] {rs.getString(1), rs.getLong(2)});
            }
        }
        return result;
    }
}
