package dev.ember.cli.internal;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Tuple2;
import java.io.PrintStream;
import java.util.Objects;
import picocli.CommandLine;

/**
 * The network word count: the words of each batch of lines from {@code host:port}, counted and
 * printed with {@code print(printCount)}.
 *
 * <p>Stopping: after {@code duration} when one is given, or on Ctrl-C or SIGTERM through {@link
 * GracefulShutdown}; both stop gracefully, so data already received is counted and printed.
 *
 * @param duration how long to run, or {@code null} to run until stopped
 */
record WordCountJob(
        String host, int port, Duration batch, String master, int printCount, Duration duration) {

    /** The application name, shown in logs and messages. */
    static final String APP_NAME = "wordcount";

    /** How long to wait, after a graceful stop, for the failure of a last batch to show. */
    private static final long FAILURE_REPORT_MILLIS = 5_000;

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
            ssc.start();
            GracefulShutdown.run(command, () -> ssc.stop(true), () -> awaitEnd(ssc, out));
        } finally {
            if (ssc.getState() != StreamingContextState.STOPPED) {
                ssc.stop(false);
            }
            out.flush();
        }
    }

    private void awaitEnd(StreamingContext ssc, PrintStream out) throws InterruptedException {
        try {
            if (duration == null) {
                ssc.awaitTermination();
            } else if (!ssc.awaitTerminationOrTimeout(duration.milliseconds())) {
                ssc.stop(true);
                // Rethrows the failure of a batch that ran during the graceful stop, if any.
                ssc.awaitTerminationOrTimeout(FAILURE_REPORT_MILLIS);
            }
        } finally {
            out.flush();
        }
    }
}
