package dev.ember.examples;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.social.Hashtags;
import dev.ember.sql.SqlContext;
import dev.ember.sql.SqlException;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The tutorial's notebook, cell by cell: 10 s batches, {@code socketTextStream(ip, 5555)
 * .window(20)}, the hashtags of each post lower-cased and counted with {@code reduceByKey}, the top
 * 10 of each window registered as table {@code tweetsmessi}, and every 20 s {@code Select tag,
 * count from tweetsmessi} drawn as a bar chart (count on x, tag on y), ten times, then {@code
 * ssc.stop()}.
 *
 * <p>Usage: {@code TwitterHashtagTopTen [hostname] [port] [chart.png]}, by default {@code localhost
 * 5555 tweetsmessi.png}, reading posts as lines from the tutorial's tweet listener: start {@code
 * ./ember relay --source demo --track messi} first. The chart is rewritten every 20 s, as the
 * notebook redraws its plot. {@code ./ember hashtags} is the same job with more options.
 */
public final class TwitterHashtagTopTen {

    /** A row of table {@code tweetsmessi}. */
    public record TagCount(String tag, int count) {}

    private TwitterHashtagTopTen() {}

    /** Runs the notebook against the tweet listener named by the arguments. */
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "localhost";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 5555;
        Path chart = Path.of(args.length > 2 ? args[2] : "tweetsmessi.png");

        StreamingContext ssc =
                new StreamingContext("local[2]", "TwitterHashtagTopTen", Durations.seconds(10));
        try (SqlContext sqlContext = SqlContext.create(ssc)) {
            DStream<String> socketStream = ssc.socketTextStream(host, port);
            registerTopTen(socketStream.window(Durations.seconds(20)), sqlContext);
            ssc.start();

            for (int count = 0; count < 10; count++) {
                ssc.awaitTerminationOrTimeout(20_000); // time.sleep(20)
                try {
                    List<TagCount> top10 =
                            sqlContext.sql("Select tag, count from tweetsmessi").as(TagCount.class);
                    writePng(barChart(top10), chart);
                    System.out.println("Drew " + top10.size() + " hashtags into " + chart);
                } catch (SqlException e) {
                    if (e.reason() != SqlException.Reason.UNKNOWN_VIEW) {
                        throw e;
                    }
                    System.out.println("No window has ended yet");
                }
            }
            ssc.stop();
        }
    }

    /** The hashtags of each line of {@code lines}, lower-cased, each counted once per line. */
    public static PairDStream<String, Integer> hashtagCounts(DStream<String> lines) {
        return lines.flatMap(text -> Hashtags.extract(text).iterator())
                .mapToPair(tag -> new Tuple2<>(tag, 1))
                .reduceByKey((a, b) -> a + b);
    }

    /**
     * Registers the ten most frequent hashtags of each batch of {@code lines} as table {@code
     * tweetsmessi}, most frequent first and ties by tag: the notebook's {@code
     * rdd.toDF().sort(desc("count")).limit(10).registerTempTable("tweetsmessi")}.
     */
    public static void registerTopTen(DStream<String> lines, SqlContext sqlContext) {
        sqlContext
                .fromStream(hashtagCounts(lines), "tag", "count")
                .sort(desc("count"), asc("tag"))
                .limit(10)
                .registerTempTable("tweetsmessi");
    }

    /** The notebook's {@code sns.barplot(x="count", y="tag", data=top_10_df)}. */
    public static JFreeChart barChart(List<TagCount> top10) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TagCount row : top10) {
            data.addValue(row.count(), "count", row.tag());
        }
        return ChartFactory.createBarChart(
                "Top 10 hashtags",
                "tag",
                "count",
                data,
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false);
    }

    /** Writes {@code chart} to {@code file} as an 800 by 500 PNG. */
    public static void writePng(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
