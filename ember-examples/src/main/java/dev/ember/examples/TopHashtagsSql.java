package dev.ember.examples;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.sql.SqlContext;
import dev.ember.sql.SqlException;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.nio.file.Path;

/**
 * The tutorial's trending hashtags as a SQL table: every 10 s, the ten most frequent hashtags of
 * the last 20 s become the temp view {@code tweetsmessi}, and another loop queries it, as the
 * tutorial's notebook does with {@code sqlContext.sql('Select tag, count from tweetsmessi')} before
 * plotting. The tutorial's {@code rdd.toDF().sort(desc("count")).limit(10)
 * .registerTempTable("tweetsmessi")} inside {@code foreachRDD} is one line here, written once when
 * the stream is defined.
 *
 * <p>Usage: {@code TopHashtagsSql <hostname> <port> [history-file]}, reading posts as lines of text
 * from a TCP server, such as the tweet listener of the tutorial or {@code nc -lk 5555}. With a
 * history file, every window's top ten is also appended to table {@code tweetsmessi} of that DuckDB
 * file, with the window's end time, for later queries with any DuckDB client.
 */
public final class TopHashtagsSql {

    private TopHashtagsSql() {}

    /** Runs the job against the server named by the arguments until stopped. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: TopHashtagsSql <hostname> <port> [history-file]");
            System.exit(1);
        }
        StreamingContext ssc =
                new StreamingContext("local[2]", "TopHashtagsSql", Durations.seconds(10));
        SqlContext.Builder builder = SqlContext.builder(ssc);
        if (args.length > 2) {
            builder.history(Path.of(args[2]));
        }
        try (SqlContext sqlContext = builder.build()) {
            DStream<String> lines = ssc.socketTextStream(args[0], Integer.parseInt(args[1]));
            registerTopTags(lines, sqlContext, args.length > 2);
            ssc.start();

            // The tutorial's other loop: query the view every 10 s while the stream runs
            while (!ssc.awaitTerminationOrTimeout(10_000)) {
                try {
                    sqlContext.sql("Select tag, count from tweetsmessi").show();
                } catch (SqlException e) {
                    if (e.reason() != SqlException.Reason.UNKNOWN_VIEW) {
                        throw e;
                    }
                    System.out.println("No window has ended yet");
                }
            }
        }
    }

    /**
     * Registers the job's pipeline, so that tests run the same code: the hashtags of {@code lines}
     * counted over a 20 s window sliding every batch, the top ten (ties by tag, so that equal
     * counts keep their places from window to window) registered as view {@code tweetsmessi} with
     * columns {@code tag} and {@code count}, and appended to history when asked.
     */
    public static void registerTopTags(
            DStream<String> lines, SqlContext sqlContext, boolean history) {
        var top =
                sqlContext
                        .fromStream(
                                WindowedHashtagCount.hashtagCounts(
                                        lines.window(Durations.seconds(20))),
                                "tag",
                                "count")
                        .sort(desc("count"), asc("tag"))
                        .limit(10);
        (history ? top.history() : top).registerTempTable("tweetsmessi");
    }
}
