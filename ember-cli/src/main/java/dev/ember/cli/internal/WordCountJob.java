package dev.ember.cli.internal;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * The network word count: the words of each batch of lines from {@code host:port}, counted and
 * printed with {@code print(printCount)}.
 *
 * <p>Stopping: after {@code duration} when one is given, or on Ctrl-C or SIGTERM, as {@link
 * ContextRunner} does for every job; both stop gracefully, so data already received is counted and
 * printed.
 *
 * @param duration how long to run, or {@code null} to run until stopped
 */
record WordCountJob(
        String host, int port, Duration batch, String master, int printCount, Duration duration) {

    /** The application name, shown in logs and messages. */
    static final String APP_NAME = "wordcount";

    WordCountJob {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(master, "master");
    }

    /** The word counts of each batch of {@code lines}, as pairs {@code (word,count)}. */
    static PairDStream<String, Integer> countWords(DStream<String> lines) {
        return lines.flatMap(WordSplitter::split)
                .mapToPair(word -> new Tuple2<>(word, 1))
                .reduceByKey(Integer::sum);
    }

    /**
     * Runs the job for {@code command}, printing batches to {@code out}, until {@code duration} has
     * passed or a signal stopped it.
     *
     * @throws dev.ember.streaming.StreamingException when the job fails
     */
    void run(CommandLine command, PrintStream out) throws Exception {
        StreamingContext ssc = new StreamingContext(master, APP_NAME, batch);
        ssc.setPrintStream(out);
        countWords(ssc.socketTextStream(host, port)).print(printCount);
        try {
            ContextRunner.run(command, ssc, duration, new CompletableFuture<>());
        } finally {
            out.flush();
        }
    }
}
