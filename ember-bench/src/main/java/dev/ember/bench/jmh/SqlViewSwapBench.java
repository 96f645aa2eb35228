package dev.ember.bench.jmh;

import dev.ember.sql.DataFrame;
import dev.ember.streaming.Tuple2;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replacing a temp view, in swaps per second: what {@code fromStream(...).registerTempTable(...)}
 * does with every window. {@code swap} makes a frame of a list of hashtag counts ({@code toDF} of
 * {@code Tuple2}s named {@code tag, count}, or {@code createDataFrame} of a record) and swaps it in
 * with {@code createOrReplaceTempView}; {@code frameOnly} only makes the frame, so the difference
 * is the database's share. {@code rows} is 10 (the tutorial's top 10) or 10,000 (a whole window's
 * counts). One thread, no concurrent readers.
 */
public class SqlViewSwapBench extends LongWarmupBench {
    @Param({"10", "10000"})
    public int rows;

    @Param({"toDF", "createDataFrame"})
    public String form;

    private TagCounts counts;
    private List<Tuple2<String, Long>> tuples;
    private List<TagCounts.TagCount> records;

    @Setup
    public void setUp() {
        counts = new TagCounts();
        tuples = TagCounts.tuples(rows);
        records = TagCounts.records(rows);
    }

    @TearDown
    public void tearDown() {
        counts.close();
    }

    @Benchmark
    public DataFrame swap() {
        DataFrame frame = frame();
        frame.createOrReplaceTempView("tweetsmessi");
        return frame;
    }

    @Benchmark
    public DataFrame frameOnly() {
        return frame();
    }

    private DataFrame frame() {
        return form.equals("toDF")
                ? counts.sql.toDF(tuples, "tag", "count")
                : counts.sql.createDataFrame(records, TagCounts.TagCount.class);
    }
}
