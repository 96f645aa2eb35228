package dev.ember.bench.internal;

import dev.ember.bench.internal.Protocol.Message;
import dev.ember.bench.internal.Report.Cell;
import dev.ember.bench.internal.Report.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Runs the comparison: each workload on each engine in its own child JVM, engines interleaved, and
 * fills the {@link Report}.
 *
 * <p>Design note: every verdict is made from what the children print when their output operation
 * completes (batch time, wall-clock end, words counted) and what the generator recorded as sent,
 * both on the machine's wall clock; the same arithmetic applies to every engine. A rate is "held"
 * when, over the probe, every batch's processing time (its end minus the later of its batch time
 * and the previous batch's end) is under the batch interval, the delay (end minus batch time) does
 * not grow, the job counted at least 97 % of the words sent, and the generator managed at least 97
 * % of the target (a job that cannot read fast enough pushes back through TCP). Searches ramp up by
 * doubling with short probes, bisect the knee, and confirm with a 30 s hold; a failed probe is
 * followed by a pause until the job has caught up.
 */
public final class Harness {
    /** The workloads, in the order they run. */
    public static final List<String> WORKLOADS =
            List.of("memwc", "ingest", "socket", "hashtags", "startup", "memory", "latency");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Setup setup;
    private final Plan plan;
    private final List<String> engines;
    private final Report report = new Report();
    private final long started = System.nanoTime();
    private final Map<String, Double> wordCountHeld = new HashMap<>();
    private final Map<Integer, Long> memWords = new HashMap<>();

    /** Storage level of Spark's socket receiver blocks ({@code --spark-storage}). */
    private String sparkStorage = "MEMORY_ONLY";

    /** How long each socket search offers half its starting rate before judging a probe. */
    private long warmupMs;

    private Corpus corpus;
    private Double ingestLimit;

    private Harness(Setup setup, Plan plan, List<String> engines) {
        this.setup = setup;
        this.plan = plan;
        this.engines = engines;
    }

    /**
     * Parses {@code args}, runs the selected workloads, prints the table and writes it to {@code
     * <out-dir>/compare-<timestamp>.md}.
     *
     * @return the report
     */
    public static Report run(List<String> args) throws Exception {
        Options o = Options.parse(args);
        if (o.help) {
            System.out.println(Options.USAGE);
            return new Report();
        }
        String stamp = LocalDateTime.now().format(STAMP);
        Path logDir = o.outDir.resolve("logs-" + stamp);
        Path tmpDir = o.outDir.resolve("tmp-" + stamp);
        Files.createDirectories(logDir);
        Setup setup = Setup.locate(o.classpathDir, logDir, tmpDir, o.sparkHeap);
        Plan plan = o.quick ? Plan.quick(o.durationScale) : Plan.full(o.durationScale);
        Harness h = new Harness(setup, plan, o.engines);
        h.sparkStorage = o.sparkStorage;
        h.warmupMs =
                o.warmupSeconds != null
                        ? Math.round(o.warmupSeconds * 1000)
                        : plan.quick() ? 1000 : 8000;
        h.describe(o, stamp);
        try {
            for (String w : WORKLOADS) {
                if (o.only.contains(w)) {
                    h.runWorkload(w);
                }
            }
        } finally {
            deleteTree(tmpDir);
        }
        h.report.header(
                String.format(
                        Locale.ROOT,
                        "Total time: %.1f min.",
                        (System.nanoTime() - h.started) / 6e10));
        String table = h.report.toMarkdown();
        Path file = o.outDir.resolve("compare-" + stamp + ".md");
        Files.writeString(file, table);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + file.toAbsolutePath().normalize());
        return h.report;
    }

    private void describe(Options o, String stamp) {
        report.header(
                "# Ember vs Spark " + (plan.quick() ? "(quick smoke run)" : "") + " " + stamp);
        report.header("");
        report.header(
                String.format(
                        Locale.ROOT,
                        "Machine: %d cores, %s %s (%s), %s. Children: %s (Spark: %s), one JVM per"
                                + " run, engines interleaved. Spark %s local[2], socket receiver"
                                + " blocks %s; Ember local[2]. Socket searches warm up for %.1f s"
                                + " unjudged. Duration scale %.2f.",
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.version"),
                        System.getProperty("java.vendor"),
                        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        String.join(" ", setup.heap("ember")),
                        String.join(" ", setup.heap("spark")),
                        sparkVersion(),
                        sparkStorage,
                        warmupMs / 1000.0,
                        o.durationScale));
        report.header(
                "Data: one seeded generator for all engines; lines of ~11 space-separated tokens"
                        + " (Zipf over "
                        + Corpus.VOCABULARY
                        + " words, about one hashtag per line from "
                        + Corpus.HASHTAGS
                        + " tags). Higher is better for rates; lower for times and memory.");
    }

    private static String sparkVersion() {
        try {
            Class<?> c = Class.forName("org.apache.spark.package$");
            Object module = c.getField("MODULE$").get(null);
            return String.valueOf(c.getMethod("SPARK_VERSION").invoke(module));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "(version unknown)";
        }
    }

    private void runWorkload(String w) throws Exception {
        switch (w) {
            case "memwc" -> memWordCount();
            case "ingest" -> ingest();
            case "socket" -> socketWordCount();
            case "hashtags" -> hashtags();
            case "startup" -> startup();
            case "memory" -> memory();
            case "latency" -> latency();
            default -> throw new IllegalArgumentException("unknown workload " + w);
        }
    }

    private void log(String message) {
        double s = (System.nanoTime() - started) / 1e9;
        System.err.printf(Locale.ROOT, "[%02d:%02d] %s%n", (int) (s / 60), (int) (s % 60), message);
        System.err.flush();
    }

    private Corpus corpus() {
        if (corpus == null) {
            corpus = Corpus.generate(plan.seed() + 1000, plan.socketCorpusLines());
        }
        return corpus;
    }

    private Map<String, Object> scratchParams(String label) {
        Path dir = setup.scratch(label);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("storage", sparkStorage);
        p.put("localDir", dir.resolve("local"));
        p.put("checkpointDir", dir.resolve("checkpoint"));
        return p;
    }

    // ---------------------------------------------------------------- 1. in-memory word count

    private void memWordCount() throws Exception {
        int note =
                report.note(
                        "In-memory word count: "
                                + plan.memDistinct()
                                + " distinct pre-built batches of "
                                + plan.memLines()
                                + " lines used in turn, "
                                + plan.memWarmup()
                                + " warm-up + "
                                + plan.memMeasured()
                                + " measured batches at a "
                                + plan.memBatchMs()
                                + " ms interval, so batches run back to back; words/s = words in"
                                + " the measured batches / time between the output of the last"
                                + " warm-up batch and of the last batch. Ember: queueStream of"
                                + " Java lists. Spark: queueStream of RDDs generated on the"
                                + " executors and cached before the start (generation and"
                                + " task serialisation excluded). Kernel: the same bytes, 2"
                                + " threads (1 thread below). "
                                + (plan.memRounds() == 1
                                        ? "One run per engine."
                                        : "Best of " + plan.memRounds() + " interleaved runs."));
        String metric =
                String.format(
                        Locale.ROOT,
                        "1. in-memory word count, %s-line batches [%d]",
                        plan.memLines() % 1_000_000 == 0
                                ? plan.memLines() / 1_000_000 + " M"
                                : plan.memLines() / 1000 + " k",
                        note);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, String> failures = new HashMap<>();
        for (int round = 0; round < plan.memRounds(); round++) {
            for (String engine : engines) {
                if (engine.equals("kernel")) {
                    memRun("kernel", 2, rates, failures);
                    memRun("kernel1", 1, rates, failures);
                } else {
                    memRun(engine, 0, rates, failures);
                }
            }
        }
        for (String engine : engines) {
            report.put(
                    metric,
                    Unit.WORDS_PER_S,
                    engine,
                    best(rates.get(engine), failures.get(engine)));
        }
        if (engines.contains("kernel")) {
            report.put(
                    "   kernel on one thread",
                    Unit.WORDS_PER_S,
                    "kernel",
                    best(rates.get("kernel1"), failures.get("kernel1")));
        }
    }

    private void memRun(
            String engine,
            int threads,
            Map<String, List<Double>> rates,
            Map<String, String> failures)
            throws Exception {
        String child = engine.startsWith("kernel") ? "kernel" : engine;
        Map<String, Object> p = scratchParams("memwc-" + engine);
        p.put("seed", plan.seed());
        p.put("lines", plan.memLines());
        p.put("distinct", plan.memDistinct());
        p.put("batches", plan.memWarmup() + plan.memMeasured());
        p.put("batchMs", plan.memBatchMs());
        p.put("threads", threads);
        try (ChildRun c = ChildRun.start(setup, "memwc", child, p)) {
            Message end =
                    c.await(
                            plan.quick() ? 120_000 : 600_000,
                            Protocol.RESULT,
                            Protocol.ERROR,
                            Protocol.UNSUPPORTED);
            List<Message> batches = new ArrayList<>(c.batches().values());
            int need = plan.memWarmup() + plan.memMeasured();
            if (end == null || !end.type().equals(Protocol.RESULT) || batches.size() < need) {
                failures.put(engine, c.failure());
                log("memwc " + engine + ": " + c.failure());
                return;
            }
            for (int i = 0; i < batches.size(); i++) {
                long words = batches.get(i).longValue("words");
                Long expected = memWords.putIfAbsent(i, words);
                if (expected != null && expected != words) {
                    report.note(
                            "MISMATCH: batch "
                                    + i
                                    + " of the in-memory word count counted "
                                    + words
                                    + " words on "
                                    + engine
                                    + " but "
                                    + expected
                                    + " on an earlier engine");
                }
            }
            long words = 0;
            for (int i = plan.memWarmup(); i < need; i++) {
                words += batches.get(i).longValue("words");
            }
            long from = batches.get(plan.memWarmup() - 1).longValue("end");
            long to = batches.get(need - 1).longValue("end");
            double rate = words * 1000.0 / Math.max(1, to - from);
            rates.computeIfAbsent(engine, k -> new ArrayList<>()).add(rate);
            log(
                    String.format(
                            Locale.ROOT,
                            "memwc %s: %s words/s (%d words in %d ms)",
                            engine,
                            Report.si(rate),
                            words,
                            to - from));
        }
    }

    private static Cell best(List<Double> values, String failure) {
        if (values == null || values.isEmpty()) {
            return Cell.none(failure == null ? "failed" : failure);
        }
        return Cell.of(Collections.max(values));
    }

    // ---------------------------------------------------------------- 2. loopback ingest limit

    private void ingest() throws Exception {
        String metric = "2b. loopback ingest limit (generator to a byte-counting sink)";
        try (LineServer server = new LineServer(corpus(), Double.POSITIVE_INFINITY, 0);
                ChildRun c =
                        ChildRun.start(setup, "sink", "kernel", Map.of("port", server.port()))) {
            if (!server.awaitConnection(60_000)) {
                report.put(metric, Unit.LINES_PER_S, "kernel", Cell.none(c.failure()));
                return;
            }
            Thread.sleep(Math.min(1000, plan.ingestMs()));
            long a = System.currentTimeMillis();
            Thread.sleep(plan.ingestMs());
            long b = System.currentTimeMillis();
            double lines = (server.linesAt(b) - server.linesAt(a)) * 1000.0 / (b - a);
            double mb = (server.bytesAt(b) - server.bytesAt(a)) * 1000.0 / (b - a) / 1e6;
            ingestLimit = lines;
            int note =
                    report.note(
                            String.format(
                                    Locale.ROOT,
                                    "Loopback ingest limit: the generator (in the harness JVM)"
                                            + " writing as fast as it can to a child JVM that"
                                            + " only counts bytes: %.0f MB/s. It is what the"
                                            + " machine allows any engine; it is shown in the"
                                            + " kernel column and caps the rate searches (at"
                                            + " 90 %%).",
                                    mb));
            report.put(metric, Unit.LINES_PER_S, "kernel", Cell.of(lines).withNote(note));
            log(String.format(Locale.ROOT, "ingest: %s lines/s, %.0f MB/s", Report.si(lines), mb));
        }
    }

    private double rateCap() {
        if (ingestLimit != null) {
            return nice(ingestLimit * 0.9);
        }
        return plan.quick() ? 100_000 : 5_000_000;
    }

    // ---------------------------------------------------------------- 2. socket word count

    /** One probe: a rate offered for a while, and whether the job kept up. */
    record Probe(
            double rate,
            boolean held,
            String why,
            long maxProcMs,
            long maxDelayMs,
            double processedShare,
            double sentShare,
            long fromMs,
            long toMs) {
        String describe() {
            return String.format(
                    Locale.ROOT,
                    "%s lines/s %s (max processing %d ms, max delay %d ms, counted %.1f %% of"
                            + " sent, sent %.1f %% of target)%s",
                    Report.si(rate),
                    held ? "held" : "not held",
                    maxProcMs,
                    maxDelayMs,
                    100 * processedShare,
                    100 * sentShare,
                    why == null ? "" : ": " + why);
        }
    }

    private static Probe failed(double rate, String why, long from, long to) {
        return new Probe(rate, false, why, -1, -1, 0, 0, from, to);
    }

    /** The outcome of a rate search. */
    record Search(Double rate, boolean capped, Probe hold, long peakRssKb, List<Probe> probes) {}

    private void socketWordCount() throws Exception {
        int note =
                report.note(
                        "Socket word count: 1 s batches; flatMap(split \" \"), mapToPair(w, 1),"
                                + " reduceByKey(+), then an output that sums the counts. Held = for the"
                                + " whole hold every batch's processing time < the batch interval, delay"
                                + " not growing, >= 97 % of the words sent counted, and the generator"
                                + " reached >= 97 % of the target rate. Search: doubling probes of "
                                + plan.probeMs() / 1000.0
                                + " s from "
                                + Report.si(plan.startRate())
                                + " lines/s, "
                                + plan.bisections()
                                + " bisections, then a "
                                + plan.holdMs() / 1000.0
                                + " s hold, retried up to twice 15 % lower each time ('<' = no hold"
                                + " succeeded down to that rate). The kernel's search starts at 1/16"
                                + " of the ingest limit. Spark's receiver occupies one of its two"
                                + " local cores, as in the tutorial; it stores blocks "
                                + sparkStorage
                                + " (--spark-storage; Spark's default is MEMORY_AND_DISK_SER_2,"
                                + " Ember keeps blocks as MEMORY_ONLY does: no serialisation, no"
                                + " replica).");
        String metric = "2. socket word count: highest rate held 30 s [" + note + "]";
        for (String engine : engines) {
            Map<String, Object> p = scratchParams("socketwc-" + engine);
            p.put("batchMs", plan.wcBatchMs());
            Search s;
            try {
                s = searchBatches("socketwc", engine, p);
            } catch (RunFailed e) {
                report.put(metric, Unit.LINES_PER_S, engine, Cell.none(e.getMessage()));
                continue;
            }
            if (s.rate() != null) {
                wordCountHeld.put(engine, s.rate());
            }
            report.put(
                    metric, Unit.LINES_PER_S, engine, searchCell(engine, "socket word count", s));
        }
    }

    private Cell searchCell(String engine, String what, Search s) {
        StringBuilder details = new StringBuilder(engine + ", " + what + ": ");
        for (int i = 0; i < s.probes().size(); i++) {
            details.append(i == 0 ? "" : "; ").append(s.probes().get(i).describe());
        }
        int note = report.note(details.toString());
        if (s.rate() == null) {
            return Cell.none("not held at any rate tried").withNote(note);
        }
        Cell c = Cell.of(s.rate()).withNote(note);
        if (s.hold() == null) {
            // Short probes held, but no 30 s hold did, down to this rate.
            return c.withPrefix("<");
        }
        return s.capped() ? c.withPrefix("≥") : c;
    }

    /** Searches the highest held rate of a job that reports every batch. */
    private Search searchBatches(String workload, String engine, Map<String, Object> params)
            throws Exception {
        double cap = rateCap();
        long interval = ((Number) params.get("batchMs")).longValue();
        List<Probe> probes = new ArrayList<>();
        SocketSession s = SocketSession.open(setup, corpus(), workload, engine, params, 0, 0);
        try {
            // The kernel is faster than any engine: start it nearer the machine's limit.
            double start =
                    Math.min(cap, engine.equals("kernel") ? nice(cap / 16) : plan.startRate());
            // Warm the JIT at half the starting rate before the first verdict.
            s.server.setRate(start / 2);
            Thread.sleep(warmupMs);
            Double lo = null;
            Double hi = null;
            double r = start;
            for (int i = 0; i < plan.maxRampProbes(); i++) {
                Probe p = probeBatches(s, r, plan.probeMs(), interval);
                probes.add(p);
                log(workload + " " + engine + ": " + p.describe());
                if (p.held) {
                    lo = r;
                    if (hi != null || r >= cap) {
                        break;
                    }
                    r = Math.min(cap, r * 2);
                } else {
                    hi = r;
                    s = recover(s, workload, engine, params, interval);
                    if (lo != null) {
                        break;
                    }
                    r = nice(r / 2);
                    if (r < plan.minRate()) {
                        break;
                    }
                }
            }
            for (int i = 0; i < plan.bisections() && lo != null && hi != null; i++) {
                double m = nice(Math.sqrt(lo * hi));
                if (m <= lo || m >= hi) {
                    break;
                }
                Probe p = probeBatches(s, m, plan.probeMs(), interval);
                probes.add(p);
                log(workload + " " + engine + ": " + p.describe());
                if (p.held) {
                    lo = m;
                } else {
                    hi = m;
                    s = recover(s, workload, engine, params, interval);
                }
            }
            if (lo == null) {
                return new Search(null, false, null, -1, probes);
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                Probe p = probeBatches(s, lo, plan.holdMs(), interval);
                probes.add(p);
                log(workload + " " + engine + ": hold " + p.describe());
                if (p.held) {
                    return new Search(
                            lo, lo >= cap, p, s.child.peakRssKb(p.fromMs, p.toMs), probes);
                }
                s = recover(s, workload, engine, params, interval);
                if (attempt < 2) {
                    lo = nice(lo * 0.85);
                }
            }
            return new Search(lo, false, null, -1, probes);
        } finally {
            s.close();
        }
    }

    /** Offers {@code rate} for {@code durationMs} and judges the batches that follow. */
    private Probe probeBatches(SocketSession s, double rate, long durationMs, long interval)
            throws InterruptedException {
        s.server.setRate(rate);
        long start = System.currentTimeMillis();
        long settle = Math.min(plan.settleMs(), durationMs / 2);
        long a = ceil(start + settle, interval);
        long span = Math.max(interval, (durationMs - settle) / interval * interval);
        long b = a + span;
        long overdue = Math.max(3 * interval, 2000);
        NavigableMap<Long, Message> batches = s.child.batches();
        while (!batches.containsKey(b)) {
            long now = System.currentTimeMillis();
            if (!s.child.isAlive()) {
                return failed(rate, s.child.failure(), a, b);
            }
            for (long t = a + interval; t <= b && t + overdue < now; t += interval) {
                if (!batches.containsKey(t)) {
                    return failed(
                            rate,
                            "batch "
                                    + (t - a) / interval
                                    + " not output "
                                    + overdue
                                    + " ms after its time",
                            a,
                            b);
                }
            }
            for (Message m : batches.subMap(a, false, b, true).values()) {
                if (m.longValue("end") - m.longValue("t") > overdue) {
                    return failed(rate, "delay over " + overdue + " ms", a, b);
                }
            }
            Thread.sleep(50);
        }
        NavigableMap<Long, Message> window = batches.subMap(a, false, b, true);
        Message before = batches.get(a);
        long prevEnd = before == null ? a : before.longValue("end");
        long maxProc = 0;
        long maxDelay = 0;
        long words = 0;
        List<Long> delays = new ArrayList<>();
        for (Message m : window.values()) {
            long t = m.longValue("t");
            long end = m.longValue("end");
            maxProc = Math.max(maxProc, end - Math.max(t, prevEnd));
            prevEnd = end;
            maxDelay = Math.max(maxDelay, end - t);
            delays.add(end - t);
            words += m.longValue("words");
        }
        long sentTokens = s.server.tokensAt(b) - s.server.tokensAt(a);
        long sentLines = s.server.linesAt(b) - s.server.linesAt(a);
        double processedShare = sentTokens == 0 ? 0 : (double) words / sentTokens;
        double sentShare = sentLines / (rate * span / 1000.0);
        String why = null;
        if (window.size() < span / interval) {
            why = (span / interval - window.size()) + " batches missing";
        } else if (maxProc >= interval) {
            why = "processing " + maxProc + " ms >= the " + interval + " ms interval";
        } else if (growing(delays, interval / 2)) {
            why = "delay growing";
        } else if (sentShare < 0.97) {
            why = "the job did not take the data fast enough (TCP pushed back)";
        } else if (processedShare < 0.97) {
            why = "fewer words counted than sent";
        }
        return new Probe(
                rate, why == null, why, maxProc, maxDelay, processedShare, sentShare, start, b);
    }

    private static boolean growing(List<Long> delays, long tolerance) {
        int n = delays.size();
        if (n < 3) {
            return false;
        }
        int third = Math.max(1, n / 3);
        double first = 0;
        double last = 0;
        for (int i = 0; i < third; i++) {
            first += delays.get(i);
            last += delays.get(n - 1 - i);
        }
        return (last - first) / third > tolerance;
    }

    /** Pauses the generator until the job has caught up; relaunches it when it does not. */
    private SocketSession recover(
            SocketSession s,
            String workload,
            String engine,
            Map<String, Object> params,
            long interval)
            throws Exception {
        s.server.setRate(0);
        long start = System.currentTimeMillis();
        long deadline = start + Math.max(30_000, 10 * interval);
        while (System.currentTimeMillis() < deadline && s.child.isAlive()) {
            var last = s.child.batches().lastEntry();
            var prev = last == null ? null : s.child.batches().lowerEntry(last.getKey());
            if (prev != null
                    && prev.getKey() > start + interval
                    && last.getValue().longValue("words") == 0
                    && prev.getValue().longValue("words") == 0
                    && last.getValue().longValue("end") - last.getKey() < interval) {
                return s;
            }
            Thread.sleep(100);
        }
        log(workload + " " + engine + ": did not catch up within 30 s; relaunching it");
        s.close();
        SocketSession fresh = SocketSession.open(setup, corpus(), workload, engine, params, 0, 0);
        return fresh;
    }

    // ---------------------------------------------------------------- 3. trending hashtags

    private void hashtags() throws Exception {
        int note =
                report.note(
                        "Trending hashtags: "
                                + plan.htBatchMs() / 1000.0
                                + " s batches; flatMap(split), filter(#...), mapToPair(tag, 1),"
                                + " reduceByKeyAndWindow(+, -, "
                                + plan.htWindowMs() / 1000
                                + " s, "
                                + plan.htSlideMs() / 1000
                                + " s) with a checkpoint directory, output = top 10 and the sum of the"
                                + " window's counts. Held = every window's output within the slide of"
                                + " its time, delay not growing, window sums >= 97 % of the hashtags"
                                + " sent in the window. Search: "
                                + plan.htProbeMs() / 1000
                                + " s probes (each one is a hold) rising by "
                                + plan.htStep()
                                + "x from the engine's socket word count rate. Peak RSS: highest"
                                + " VmRSS sampled every 100 ms during the best held probe.");
        String metric = "3. trending hashtags: highest rate held 30 s [" + note + "]";
        String memory = "3. trending hashtags: peak RSS during that hold";
        for (String engine : engines) {
            Map<String, Object> p = scratchParams("hashtags-" + engine);
            p.put("batchMs", plan.htBatchMs());
            p.put("windowMs", plan.htWindowMs());
            p.put("slideMs", plan.htSlideMs());
            Search s;
            try {
                s = searchWindows(engine, p);
            } catch (RunFailed e) {
                Cell why = Cell.none(e.getMessage());
                report.put(metric, Unit.LINES_PER_S, engine, why);
                report.put(memory, Unit.MEGABYTES, engine, why);
                continue;
            }
            report.put(metric, Unit.LINES_PER_S, engine, searchCell(engine, "hashtags", s));
            report.put(
                    memory,
                    Unit.MEGABYTES,
                    engine,
                    s.peakRssKb() > 0 ? Cell.of(s.peakRssKb() / 1024.0) : Cell.none("-"));
        }
    }

    private Search searchWindows(String engine, Map<String, Object> params) throws Exception {
        double cap = rateCap();
        Double wc = wordCountHeld.get(engine);
        double r = nice(Math.min(cap, wc != null ? wc : plan.startRate()));
        List<Probe> probes = new ArrayList<>();
        Probe best = null;
        long bestRss = -1;
        int restarts = 0;
        SocketSession s = SocketSession.open(setup, corpus(), "hashtags", engine, params, r, 0);
        try {
            for (int i = 0; i < plan.htMaxProbes(); i++) {
                Probe p = probeWindows(s, r, plan.htProbeMs());
                probes.add(p);
                log("hashtags " + engine + ": " + p.describe());
                if (p.held) {
                    best = p;
                    bestRss = s.child.peakRssKb(p.fromMs, p.toMs);
                    if (r >= cap) {
                        break;
                    }
                    r = Math.min(cap, nice(r * plan.htStep()));
                } else {
                    if (best != null || restarts++ >= 1) {
                        break;
                    }
                    s.close();
                    r = nice(r * 0.6);
                    s = SocketSession.open(setup, corpus(), "hashtags", engine, params, r, 0);
                }
            }
        } finally {
            s.close();
        }
        if (best == null) {
            return new Search(null, false, null, -1, probes);
        }
        // The probe budget ran out while still holding: the figure is a lower bound.
        boolean lowerBound = best.rate >= cap || probes.get(probes.size() - 1) == best;
        return new Search(best.rate, lowerBound, best, bestRss, probes);
    }

    private Probe probeWindows(SocketSession s, double rate, long durationMs)
            throws InterruptedException {
        long slide = plan.htSlideMs();
        long window = plan.htWindowMs();
        s.server.setRate(rate);
        long start = System.currentTimeMillis();
        long overdue = slide + 2000;
        NavigableMap<Long, Message> outputs = s.child.batches();
        // Windows are output at zero time + k * slide, and the zero time is the engine's start
        // rounded to the batch interval: learn the phase from the first window output.
        while (outputs.isEmpty()) {
            if (!s.child.isAlive()) {
                return failed(rate, s.child.failure(), start, start);
            }
            if (System.currentTimeMillis() > start + slide + overdue) {
                return failed(
                        rate, "no window output within " + (slide + overdue) + " ms", start, start);
            }
            Thread.sleep(50);
        }
        long phase = Math.floorMod(outputs.firstKey(), slide);
        long a = ceil(start - phase, slide) + phase;
        long b = a + Math.max(slide, durationMs / slide * slide);
        while (!outputs.containsKey(b)) {
            long now = System.currentTimeMillis();
            if (!s.child.isAlive()) {
                return failed(rate, s.child.failure(), start, b);
            }
            for (long t = a + slide; t <= b && t + overdue < now; t += slide) {
                if (!outputs.containsKey(t)) {
                    return failed(rate, "window not output within " + overdue + " ms", start, b);
                }
            }
            Thread.sleep(50);
        }
        Message before = outputs.get(a);
        long prevEnd = before == null ? a : before.longValue("end");
        long maxProc = 0;
        long maxDelay = 0;
        long counted = 0;
        long sent = 0;
        List<Long> delays = new ArrayList<>();
        for (Message m : outputs.subMap(a, false, b, true).values()) {
            long t = m.longValue("t");
            long end = m.longValue("end");
            maxProc = Math.max(maxProc, end - Math.max(t, prevEnd));
            prevEnd = end;
            maxDelay = Math.max(maxDelay, end - t);
            delays.add(end - t);
            counted += m.longValue("words");
            sent += s.server.tagsAt(t) - s.server.tagsAt(t - window);
        }
        long sentLines = s.server.linesAt(b) - s.server.linesAt(a);
        double sentShare = sentLines / (rate * (b - a) / 1000.0);
        double processedShare = sent == 0 ? 0 : (double) counted / sent;
        String why = null;
        if (maxDelay >= slide) {
            why = "a window was output " + maxDelay + " ms after its time (slide " + slide + " ms)";
        } else if (growing(delays, slide / 2)) {
            why = "delay growing";
        } else if (sentShare < 0.97) {
            why = "the job did not take the data fast enough (TCP pushed back)";
        } else if (processedShare < 0.97) {
            why = "window sums below the hashtags sent";
        }
        return new Probe(
                rate, why == null, why, maxProc, maxDelay, processedShare, sentShare, start, b);
    }

    // ---------------------------------------------------------------- 4. start-up

    private void startup() throws Exception {
        // With 1 s batches up to a second is spent waiting for the first batch boundary (batch
        // times are multiples of the interval, as in Spark); 100 ms batches show the launch cost.
        startup(1000, "4. start-up: JVM launch to first completed batch, 1 s batches");
        startup(100, "4b. start-up: JVM launch to first completed batch, 100 ms batches");
    }

    private void startup(long batchMs, String label) throws Exception {
        int note =
                report.note(
                        "Start-up: from just before the harness starts the child JVM to the moment it"
                                + " reads the child's line saying that the first batch holding data has"
                                + " completed its output; socket word count with "
                                + batchMs
                                + " ms batches (so up to "
                                + batchMs
                                + " ms of it is waiting for the first batch boundary), generator at "
                                + Report.si(plan.startupRate())
                                + " lines/s from the moment the job connects. Median of "
                                + plan.startupRounds()
                                + " interleaved runs.");
        String metric = label + " [" + note + "]";
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, String> failures = new HashMap<>();
        for (int round = 0; round < plan.startupRounds(); round++) {
            for (String engine : engines) {
                Map<String, Object> p = scratchParams("startup-" + batchMs + "-" + engine);
                p.put("batchMs", batchMs);
                try (LineServer server = new LineServer(corpus(), plan.startupRate(), 0)) {
                    p.put("port", server.port());
                    try (ChildRun c = ChildRun.start(setup, "socketwc", engine, p)) {
                        Message first = c.await(180_000, Protocol.FIRST, Protocol.ERROR);
                        if (first == null || !first.type().equals(Protocol.FIRST)) {
                            failures.put(engine, c.failure());
                            log("startup " + engine + ": " + c.failure());
                            continue;
                        }
                        double secs = (first.receivedNanos() - c.launchNanos()) / 1e9;
                        times.computeIfAbsent(engine, k -> new ArrayList<>()).add(secs);
                        log(String.format(Locale.ROOT, "startup %s: %.2f s", engine, secs));
                    }
                }
            }
        }
        for (String engine : engines) {
            List<Double> t = times.get(engine);
            report.put(
                    metric,
                    Unit.SECONDS,
                    engine,
                    t == null || t.isEmpty()
                            ? Cell.none(failures.getOrDefault(engine, "failed"))
                            : Cell.of(median(t)));
        }
    }

    // ---------------------------------------------------------------- 5. memory at one rate

    private void memory() throws Exception {
        double rate = memoryRate();
        int note =
                report.note(
                        "Peak RSS: the child's VmHWM from /proc/<pid>/status after "
                                + plan.memoryWcMs() / 1000
                                + " s (word count) or "
                                + plan.memoryHtMs() / 1000
                                + " s (hashtags, window filled) at the same offered rate for every"
                                + " engine; Ember's and the kernel's JVMs run with "
                                + String.join(" ", setup.heap("ember"))
                                + ", Spark's with "
                                + String.join(" ", setup.heap("spark"))
                                + ", so this shows how much of the heap each engine touches.");
        String wcMetric =
                "5. peak RSS, socket word count at " + Report.si(rate) + " lines/s [" + note + "]";
        String htMetric =
                "5. peak RSS, trending hashtags at " + Report.si(rate) + " lines/s [" + note + "]";
        for (String workload : List.of("socketwc", "hashtags")) {
            String metric = workload.equals("socketwc") ? wcMetric : htMetric;
            for (String engine : engines) {
                Map<String, Object> p = scratchParams("memory-" + workload + "-" + engine);
                long interval = workload.equals("socketwc") ? plan.wcBatchMs() : plan.htBatchMs();
                p.put("batchMs", interval);
                p.put("windowMs", plan.htWindowMs());
                p.put("slideMs", plan.htSlideMs());
                long duration = workload.equals("socketwc") ? plan.memoryWcMs() : plan.memoryHtMs();
                try (SocketSession s =
                        SocketSession.open(setup, corpus(), workload, engine, p, rate, 0)) {
                    long end = System.currentTimeMillis() + duration;
                    while (System.currentTimeMillis() < end && s.child.isAlive()) {
                        Thread.sleep(100);
                    }
                    if (!s.child.isAlive()) {
                        report.put(metric, Unit.MEGABYTES, engine, Cell.none(s.child.failure()));
                        continue;
                    }
                    long hwm = s.child.hwmKb();
                    Cell cell = Cell.of(hwm / 1024.0);
                    var last = s.child.batches().lastEntry();
                    long limit = workload.equals("socketwc") ? 2 * interval : plan.htSlideMs();
                    if (last == null
                            || last.getValue().longValue("end") - last.getKey() > limit
                            || System.currentTimeMillis() - last.getKey() > limit + interval) {
                        cell =
                                cell.withNote(
                                        report.note(
                                                engine
                                                        + " did not keep up with "
                                                        + Report.si(rate)
                                                        + " lines/s in the "
                                                        + workload
                                                        + " memory run; its memory includes the"
                                                        + " backlog."));
                    }
                    report.put(metric, Unit.MEGABYTES, engine, cell);
                    log(
                            String.format(
                                    Locale.ROOT,
                                    "memory %s %s: %.0f MB",
                                    workload,
                                    engine,
                                    hwm / 1024.0));
                } catch (RunFailed e) {
                    report.put(metric, Unit.MEGABYTES, engine, Cell.none(e.getMessage()));
                }
            }
        }
    }

    /**
     * A rate every engine held in the searches (60 % of the lowest held rate, Ember and Spark
     * only), so that memory is not inflated by a backlog; the plan's rate without searches.
     */
    private double memoryRate() {
        double lowest = Double.POSITIVE_INFINITY;
        for (String engine : List.of("ember", "spark")) {
            if (engines.contains(engine)) {
                Double held = wordCountHeld.get(engine);
                if (held == null) {
                    return plan.memoryRate();
                }
                lowest = Math.min(lowest, held);
            }
        }
        return Double.isInfinite(lowest) ? plan.memoryRate() : nice(lowest * 0.6);
    }

    // ---------------------------------------------------------------- 6. latency

    private void latency() throws Exception {
        int note =
                report.note(
                        "Latency: the generator writes a line __ts<send time in µs> every "
                                + plan.markerEvery()
                                + " lines; the job counts words as usual and its output collects the"
                                + " marker words of each batch; latency = wall clock when the batch's"
                                + " output has them - send time (same machine clock). The first "
                                + plan.latencyWarmMs() / 1000
                                + " s of the "
                                + plan.latencyMs() / 1000
                                + " s run are not counted.");
        String p50Metric =
                "6. latency p50, "
                        + plan.latencyBatchMs()
                        + " ms batches at "
                        + Report.si(plan.latencyRate())
                        + " lines/s ["
                        + note
                        + "]";
        String p99Metric = "6. latency p99, same run";
        for (String engine : engines) {
            Map<String, Object> p = scratchParams("latency-" + engine);
            p.put("batchMs", plan.latencyBatchMs());
            try (SocketSession s =
                    SocketSession.open(
                            setup,
                            corpus(),
                            "latency",
                            engine,
                            p,
                            plan.latencyRate(),
                            plan.markerEvery())) {
                long startMicros = Reporter.micros();
                long end = System.currentTimeMillis() + plan.latencyMs();
                while (System.currentTimeMillis() < end && s.child.isAlive()) {
                    Thread.sleep(100);
                }
                long stopMicros = Reporter.micros();
                s.server.setRate(0);
                long fromMicros = startMicros + plan.latencyWarmMs() * 1000;
                List<Long> sent = new ArrayList<>();
                for (long m : s.server.markers()) {
                    if (m >= fromMicros && m <= stopMicros) {
                        sent.add(m);
                    }
                }
                Map<Long, Long> seen = new HashMap<>();
                long wait = System.currentTimeMillis() + 5000;
                while (System.currentTimeMillis() < wait && s.child.isAlive()) {
                    collectMarks(s.child, seen);
                    if (seen.keySet().containsAll(sent)) {
                        break;
                    }
                    Thread.sleep(100);
                }
                collectMarks(s.child, seen);
                long gaveUp = Reporter.micros();
                if (sent.isEmpty()) {
                    String why = s.child.isAlive() ? "no marker sent" : s.child.failure();
                    report.put(p50Metric, Unit.MILLIS, engine, Cell.none(why));
                    report.put(p99Metric, Unit.MILLIS, engine, Cell.none(why));
                    continue;
                }
                // A marker never output has a latency of at least the time we waited for it.
                List<Double> ms = new ArrayList<>();
                int missing = 0;
                for (long m : sent) {
                    Long out = seen.get(m);
                    if (out == null) {
                        missing++;
                    }
                    ms.add(((out != null ? out : gaveUp) - m) / 1000.0);
                }
                List<Double> sorted = new ArrayList<>(ms);
                Collections.sort(sorted);
                double p50 = percentile(sorted, 0.50);
                double p99 = percentile(sorted, 0.99);
                int n = ms.size();
                double early = median(ms.subList(n / 4, Math.max(n / 4 + 1, n / 2)));
                double late = median(ms.subList(3 * n / 4, n));
                Cell c50 = Cell.of(p50);
                Cell c99 = Cell.of(p99);
                if (missing > 0) {
                    c50 = c50.withPrefix("≥");
                    c99 = c99.withPrefix("≥");
                }
                if (late - early > 100 || missing > 0) {
                    String what =
                            missing > 0
                                    ? String.format(
                                            Locale.ROOT,
                                            "%d of its %d markers were not output within 5 s of"
                                                    + " the end of the run, and count with the"
                                                    + " time waited for them ('≥': lower bounds)",
                                            missing,
                                            sent.size())
                                    : String.format(
                                            Locale.ROOT,
                                            "its median latency grew from %.0f ms to %.0f ms"
                                                    + " during the run",
                                            early,
                                            late);
                    int missed =
                            report.note(
                                    String.format(
                                            Locale.ROOT,
                                            "%s did not sustain %s lines/s with %d ms batches: %s.",
                                            engine,
                                            Report.si(plan.latencyRate()),
                                            plan.latencyBatchMs(),
                                            what));
                    c50 = c50.withNote(missed);
                    c99 = c99.withNote(missed);
                }
                report.put(p50Metric, Unit.MILLIS, engine, c50);
                report.put(p99Metric, Unit.MILLIS, engine, c99);
                log(
                        String.format(
                                Locale.ROOT,
                                "latency %s: p50 %.1f ms, p99 %.1f ms (%d markers, %d missing)",
                                engine,
                                p50,
                                p99,
                                sent.size(),
                                missing));
            } catch (RunFailed e) {
                report.put(p50Metric, Unit.MILLIS, engine, Cell.none(e.getMessage()));
                report.put(p99Metric, Unit.MILLIS, engine, Cell.none(e.getMessage()));
            }
        }
    }

    private static void collectMarks(ChildRun child, Map<Long, Long> seen) {
        for (Message m : child.messages()) {
            if (!m.type().equals(Protocol.LAT) || m.get("marks").equals("-")) {
                continue;
            }
            long out = m.longValue("out");
            for (String mark : m.get("marks").split(",")) {
                seen.putIfAbsent(Long.parseLong(mark), out);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static long ceil(long ms, long step) {
        return (ms + step - 1) / step * step;
    }

    /** {@code r} rounded to two significant digits. */
    static double nice(double r) {
        if (r <= 0 || Double.isInfinite(r)) {
            return r;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(r)) - 1);
        return Math.round(r / scale) * scale;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return percentile(sorted, 0.5);
    }

    static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(
                    root,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                                throws IOException {
                            Files.delete(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e)
                                throws IOException {
                            Files.delete(dir);
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
