package dev.ember.ui;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.examples.WindowedHashtagCount;
import dev.ember.sql.SqlContext;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.util.List;

/**
 * The tutorial's trending hashtags under the test kit, with a dashboard: 1 s batches, the examples'
 * hashtag counts over a 2 s window sliding every batch, the top ten as view {@code tweetsmessi},
 * and the dashboard's chart following the counts. Batches run only when the test advances the
 * manual clock, so every figure is exact.
 */
final class HashtagPipeline implements AutoCloseable {
    static final String VIEW = "tweetsmessi";

    final StreamingContext ssc;
    final StreamingTestDriver driver;
    final TestInput<String> lines;
    final SqlContext sql;
    final EmberUi ui;

    private HashtagPipeline(UiOptions.Builder options, int top, String checkpoint) {
        ssc = new StreamingContext("local[2]", "hashtags-ui", Durations.seconds(1));
        if (checkpoint != null) {
            ssc.checkpoint(checkpoint);
        }
        driver = StreamingTestDriver.create(ssc);
        lines = driver.newInput("posts");
        PairDStream<String, Integer> counts =
                WindowedHashtagCount.hashtagCounts(lines.stream().window(Durations.seconds(2)));
        sql = SqlContext.create(ssc);
        sql.fromStream(counts, "tag", "count")
                .sort(desc("count"), asc("tag"))
                .limit(10)
                .registerTempTable(VIEW);
        ui =
                EmberUi.start(
                        ssc,
                        options.port(0)
                                .topN(counts, top)
                                .topTitle("Top hashtags")
                                .sql(sql.readOnly())
                                .build());
    }

    /** Defines the pipeline and starts its dashboard; the test starts the driver. */
    static HashtagPipeline create(UiOptions.Builder options, int top) {
        return new HashtagPipeline(options, top, null);
    }

    /** The same, checkpointing into a fresh directory under target/. */
    static HashtagPipeline checkpointed(UiOptions.Builder options, int top) {
        try {
            java.nio.file.Path parent =
                    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "ckpt"));
            return new HashtagPipeline(
                    options,
                    top,
                    java.nio.file.Files.createTempDirectory(parent, "ui-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Adds the lines of one batch and runs it. */
    void batch(List<String> posts) {
        lines.addAll(posts);
        driver.advanceBatches(1);
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            try {
                ui.close();
            } finally {
                sql.close();
            }
        }
    }
}
