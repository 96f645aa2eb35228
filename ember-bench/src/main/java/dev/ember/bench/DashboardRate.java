package dev.ember.bench;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.bench.internal.Corpus;
import dev.ember.social.Hashtags;
import dev.ember.sql.SqlContext;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.ui.EmberUi;
import dev.ember.ui.UiOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the live dashboard on the trending-hashtags job: the job's sustained rate with the
 * dashboard on and one real headless Chromium showing its top-N page, against the same job without
 * a dashboard ({@code --no-ui}).
 *
 * <p>The job is the one {@code ember hashtags} runs, scaled down in time so that a run takes
 * seconds: hashtags extracted from each line, counted per batch and over a window of two batches
 * sliding every batch ({@code reduceByKeyAndWindow}), the top ten registered as SQL view {@code
 * tweetsmessi} every window; with the dashboard, its chart follows the counts and its SQL page
 * queries the view. Input: {@code queueStream} of pre-built batches of the benchmark's corpus
 * (about one hashtag per line), each larger than a batch interval's worth of processing, so that
 * batches run back to back and the rate is what the job sustains.
 *
 * <p>Runs alternate (off, on, off, on, ...) in this JVM after two warm-up runs; each run measures
 * {@code lines of the measured batches / their processing time}, from the streaming listener, so
 * the figure is the rate the job sustains while it works whether or not the next batch was already
 * waiting. The dashboard's threads and the browser share the machine's cores with the job, so their
 * cost shows in the processing time. Usage: {@code java -cp ... dev.ember.bench.DashboardRate
 * [rounds] [lines-per-batch]}; {@code ember-bench/dashboard} builds and runs it.
 */
public final class DashboardRate {
    private static final Duration BATCH = new Duration(200);
    private static final int WARMUP_BATCHES = 5;
    private static final int MEASURED_BATCHES = 25;
    private static final int DISTINCT_BATCHES = 3;

    private DashboardRate() {}

    /** Runs the comparison and prints one line per run and the medians. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int linesPerBatch = args.length > 1 ? Integer.parseInt(args[1]) : 600_000;
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < DISTINCT_BATCHES; i++) {
            batches.add(Corpus.generate(42, i * linesPerBatch, linesPerBatch).toStrings());
        }
        System.out.printf(
                Locale.ROOT,
                "dashboard benchmark: %d rounds, %,d lines per batch, %d ms batches, window of 2"
                        + " batches sliding every batch; cores %d; load average at start: %s%n",
                rounds,
                linesPerBatch,
                BATCH.milliseconds(),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        for (int i = 1; i <= 2; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "warm-up %d (no dashboard): %,.0f lines/s%n",
                    i,
                    run(batches, false));
        }
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            off.add(run(batches, false));
            System.out.printf(Locale.ROOT, "round %d, --no-ui: %,.0f lines/s%n", r + 1, off.get(r));
            on.add(run(batches, true));
            System.out.printf(
                    Locale.ROOT,
                    "round %d, dashboard and one browser: %,.0f lines/s%n",
                    r + 1,
                    on.get(r));
        }
        double offMedian = median(off);
        double onMedian = median(on);
        System.out.printf(
                Locale.ROOT,
                "median --no-ui: %,.0f lines/s; median with dashboard and one browser: %,.0f"
                        + " lines/s (%.1f %%); load average at end: %s%n",
                offMedian,
                onMedian,
                100.0 * onMedian / offMedian,
                loadAverage());
        System.exit(0);
    }

    private static double run(List<List<String>> batches, boolean dashboard) throws Exception {
        StreamingContext ssc = new StreamingContext("local[2]", "hashtags", BATCH);
        Queue<Collection<String>> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < WARMUP_BATCHES + MEASURED_BATCHES; i++) {
            queue.add(batches.get(i % batches.size()));
        }
        DStream<String> lines = ssc.queueStream(queue, true);
        PairDStream<String, Integer> counts =
                lines.flatMap(line -> Hashtags.extract(line).iterator())
                        .mapToPair(tag -> new Tuple2<>(tag, 1))
                        .reduceByKeyAndWindow(Integer::sum, BATCH.times(2), BATCH);
        SqlContext sql = SqlContext.create(ssc);
        sql.fromStream(counts, "tag", "count")
                .sort(desc("count"), asc("tag"))
                .limit(10)
                .registerTempTable("tweetsmessi");

        List<BatchInfo> done = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(WARMUP_BATCHES + MEASURED_BATCHES);
        ssc.addStreamingListener(
                new StreamingListener() {
                    @Override
                    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
                        if (completed.batchInfo().numRecords() > 0) {
                            synchronized (done) {
                                done.add(completed.batchInfo());
                            }
                            finished.countDown();
                        }
                    }
                });
        EmberUi ui = null;
        Process browser = null;
        Path profile = null;
        try {
            if (dashboard) {
                ui =
                        EmberUi.start(
                                ssc,
                                UiOptions.builder()
                                        .port(0)
                                        .topN(counts, 10)
                                        .topTitle("Top hashtags")
                                        .sql(sql.readOnly())
                                        .build());
                profile = Files.createTempDirectory("ember-dashboard-bench-chromium");
                browser = openBrowser(ui.url(), profile);
                awaitEventClient(ui.url());
            }
            ssc.start();
            if (!finished.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the run did not finish in 10 minutes");
            }
        } finally {
            ssc.stop(false);
            if (browser != null) {
                browser.destroy();
                browser.waitFor(10, TimeUnit.SECONDS);
            }
            if (ui != null) {
                ui.close();
            }
            sql.close();
            if (profile != null) {
                deleteTree(profile);
            }
        }
        List<BatchInfo> measured;
        synchronized (done) {
            measured = new ArrayList<>(done);
        }
        measured.sort(Comparator.comparing(BatchInfo::batchTime));
        measured = measured.subList(WARMUP_BATCHES, measured.size());
        long records = measured.stream().mapToLong(BatchInfo::numRecords).sum();
        long processing = measured.stream().mapToLong(BatchInfo::processingDelay).sum();
        return records * 1000.0 / processing;
    }

    /** Debian's Chromium, headless, showing the top-N page until destroyed. */
    private static Process openBrowser(URI url, Path profile) throws IOException {
        String binary = System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium");
        return new ProcessBuilder(
                        binary,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-dev-shm-usage",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        url.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Waits until the page's event stream is connected, as the dashboard's metrics report it. */
    private static void awaitEventClient(URI url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String metrics =
                    client.send(
                                    HttpRequest.newBuilder(url.resolve("/metrics")).build(),
                                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                            .body();
            if (metrics.contains("\nember_ui_event_clients 1.0\n")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "the browser did not connect to the dashboard's event stream in 60 s: is Debian's"
                        + " chromium installed (apt-get install -y chromium)?");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            ArrayDeque<Path> paths = new ArrayDeque<>();
            files.forEach(paths::push);
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
