package dev.ember.cli.internal;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.sql.SqlContext;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.State;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.ui.UiOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * The network word count: the words of each batch of lines from {@code input}, a TCP server or a
 * directory of text files, counted and printed with {@code print(printCount)}.
 *
 * <p>Stopping: after {@code duration} when one is given, or on Ctrl-C or SIGTERM, as {@link
 * ContextRunner} does for every job; both stop gracefully, so data already received is counted and
 * printed.
 *
 * <p>With {@code running}, each batch prints the words it held with their totals since the start,
 * kept with {@code mapWithState} under a stable name, so that the totals resume from the checkpoint
 * directory after a restart.
 *
 * <p>Dashboard: unless {@code --no-ui}, a live dashboard whose chart shows each batch's most
 * frequent words, and whose SQL page queries view {@value #VIEW} (every word of the latest batch
 * with its count).
 *
 * @param duration how long to run, or {@code null} to run until stopped
 * @param checkpoint the checkpoint directory, or {@code null} for none
 * @param running print running totals instead of per-batch counts
 * @param writeAheadLog log what the socket receiver stores before acknowledging it
 */
record WordCountJob(
        Lines input,
        Duration batch,
        String master,
        int printCount,
        Duration duration,
        String checkpoint,
        boolean running,
        boolean writeAheadLog,
        DashboardOptions dashboard,
        PrintWriter err) {

    /** Where the lines come from. */
    sealed interface Lines {
        /** The stream of lines on {@code ssc}. */
        DStream<String> open(StreamingContext ssc);
    }

    /** The lines a TCP server sends, as {@code socketTextStream}. */
    record Socket(String host, int port) implements Lines {
        Socket {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public DStream<String> open(StreamingContext ssc) {
            return ssc.socketTextStream(host, port);
        }
    }

    /** The lines of the text files moved into a directory, as {@code textFileStream}. */
    record Files(String directory) implements Lines {
        Files {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public DStream<String> open(StreamingContext ssc) {
            return ssc.textFileStream(directory);
        }
    }

    /** The application name, shown in logs and messages. */
    static final String APP_NAME = "wordcount";

    /** The view of each batch's counts that the dashboard's SQL page queries. */
    static final String VIEW = "wordcounts";

    WordCountJob {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(master, "master");
    }

    /** The stable name of the running totals' state: what a restarted job resumes from. */
    static final String TOTALS = "word-totals";

    /**
     * The running total of each word of each batch of {@code lines}, as pairs {@code (word,total)}.
     */
    static DStream<Tuple2<String, Long>> runningTotals(DStream<String> lines) {
        StateSpec<String, Integer, Long, Tuple2<String, Long>> totals =
                StateSpec.function(
                        (String word, Optional<Integer> count, State<Long> total) -> {
                            long sum = total.getOption().orElse(0L) + count.orElse(0);
                            total.update(sum);
                            return new Tuple2<>(word, sum);
                        });
        return countWords(lines).mapWithState(totals).name(TOTALS);
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
        if (checkpoint != null) {
            ssc.checkpoint(checkpoint);
        }
        if (writeAheadLog) {
            ssc.conf().writeAheadLog(true);
        }
        DStream<String> lines = input.open(ssc);
        DStream<Tuple2<String, ? extends Number>> shown =
                running ? erase(runningTotals(lines)) : erase(countWords(lines));
        shown.print(printCount);
        SqlContext sql = dashboard.disabled ? null : sqlFor(ssc);
        if (sql != null) {
            sql.fromStream(shown, "word", running ? "total" : "count")
                    .sort(desc(running ? "total" : "count"), asc("word"))
                    .registerTempTable(VIEW);
        }
        try {
            JobDashboard ui =
                    JobDashboard.start(
                            dashboard,
                            APP_NAME,
                            ssc,
                            shown,
                            UiOptions.DEFAULT_TOP,
                            running ? "Top words, running totals" : "Top words",
                            sql == null ? null : sql.readOnly(),
                            err);
            try {
                runContext(command, ssc, out);
            } finally {
                ui.close();
            }
        } finally {
            if (sql != null) {
                sql.close();
            }
        }
    }

    /**
     * The SQL context of the dashboard's SQL page, or null when no SQL engine serves the master:
     * the SQL view is an extra, and the job then reports what matters, that no runner takes it.
     */
    private static SqlContext sqlFor(StreamingContext ssc) {
        try {
            return SqlContext.create(ssc);
        } catch (IllegalStateException noEngine) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static DStream<Tuple2<String, ? extends Number>> erase(DStream<?> stream) {
        return (DStream<Tuple2<String, ? extends Number>>) stream;
    }

    private void runContext(CommandLine command, StreamingContext ssc, PrintStream out)
            throws Exception {
        try {
            ContextRunner.run(command, ssc, duration, new CompletableFuture<>());
        } finally {
            out.flush();
        }
    }
}
