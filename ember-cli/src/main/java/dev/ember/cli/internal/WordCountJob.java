package dev.ember.cli.internal;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.sql.SqlContext;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.Tuple2;
import dev.ember.ui.UiOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The network word count: the words of each batch of lines from {@code host:port}, counted and
 * printed with {@code print(printCount)}.
 *
 * <p>Stopping: after {@code duration} when one is given (gracefully, so data already received is
 * counted), or when the JVM shuts down (Ctrl-C), through a shutdown hook that stops gracefully but
 * gives up after {@link #SHUTDOWN_GRACE_MILLIS} so a stuck stop never keeps the JVM alive.
 *
 * <p>Dashboard: unless {@code --no-ui}, a live dashboard whose chart shows each batch's most
 * frequent words, and whose SQL page queries view {@value #VIEW} (every word of the latest batch
 * with its count).
 *
 * @param duration how long to run, or {@code null} to run until stopped
 */
record WordCountJob(
        String host,
        int port,
        Duration batch,
        String master,
        int printCount,
        Duration duration,
        DashboardOptions dashboard,
        PrintWriter err) {

    /** The application name, shown in logs and messages. */
    static final String APP_NAME = "wordcount";

    /** How long the shutdown hook waits for a graceful stop. */
    static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    /** How long to wait, after a graceful stop, for the failure of a last batch to show. */
    private static final long FAILURE_REPORT_MILLIS = 5_000;

    /** The view of each batch's counts that the dashboard's SQL page queries. */
    static final String VIEW = "wordcounts";

    WordCountJob {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(err, "err");
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
     * Runs the job, printing batches to {@code out}, until {@code duration} has passed or the
     * context is stopped.
     *
     * @throws dev.ember.streaming.StreamingException when the job fails
     */
    void run(PrintStream out) throws InterruptedException {
        StreamingContext ssc = new StreamingContext(master, APP_NAME, batch);
        ssc.setPrintStream(out);
        PairDStream<String, Integer> counts = countWords(ssc.socketTextStream(host, port));
        counts.print(printCount);
        SqlContext sql = dashboard.disabled ? null : SqlContext.create(ssc);
        if (sql != null) {
            sql.fromStream(counts, "word", "count")
                    .sort(desc("count"), asc("word"))
                    .registerTempTable(VIEW);
        }
        try {
            JobDashboard ui =
                    JobDashboard.start(
                            dashboard,
                            APP_NAME,
                            ssc,
                            counts,
                            UiOptions.DEFAULT_TOP,
                            "Top words",
                            sql == null ? null : sql.readOnly(),
                            err);
            try {
                run(ssc, out);
            } finally {
                ui.close();
            }
        } finally {
            if (sql != null) {
                sql.close();
            }
        }
    }

    private void run(StreamingContext ssc, PrintStream out) throws InterruptedException {
        Thread hook = new Thread(() -> stopOnShutdown(ssc), "ember-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stopped = false;
        try {
            ssc.start();
            if (duration == null) {
                ssc.awaitTermination();
            } else if (!ssc.awaitTerminationOrTimeout(duration.milliseconds())) {
                ssc.stop(true);
                // Rethrows the failure of a batch that ran during the graceful stop, if any.
                ssc.awaitTerminationOrTimeout(FAILURE_REPORT_MILLIS);
            }
            stopped = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook is running and stops the context itself.
            }
            if (!stopped) {
                ssc.stop(false);
            }
            out.flush();
        }
    }

    private static void stopOnShutdown(StreamingContext ssc) {
        if (ssc.getState() != StreamingContextState.ACTIVE) {
            return;
        }
        Thread stopper = new Thread(() -> ssc.stop(true), "ember-graceful-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
