package dev.ember.bench.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command-line options of {@code dev.ember.bench.Compare}. */
final class Options {
    static final String USAGE =
            """
            usage: Compare [--quick] [--only w1,w2,...] [--engines e1,e2,...]
                           [--duration-scale x] [--out-dir dir] [--classpath-dir dir]
                           [--spark-storage level] [--spark-heap size] [--warmup seconds]

              --quick           tiny sizes and durations (seconds): shows that everything runs
              --only            workloads to run, from: memwc, ingest, socket, hashtags,
                                startup, memory, latency (default: all, in that order)
              --engines         engines to run, from: ember, spark, kernel (default: all)
              --duration-scale  multiplies every probe, hold and run duration (default 1.0)
              --out-dir         where compare-<timestamp>.md and the logs go
                                (default: bench-results)
              --classpath-dir   where the build wrote bench-classpath.txt and
                                ember-classpath.txt (default: next to the harness's classes)
              --spark-storage   storage level of Spark's socket receiver blocks, one of
                                MEMORY_ONLY, MEMORY_ONLY_SER, MEMORY_AND_DISK,
                                MEMORY_AND_DISK_SER, MEMORY_AND_DISK_SER_2
                                (default MEMORY_ONLY; Spark's own default is the last)
              --spark-heap      -Xms and -Xmx of Spark's JVMs, such as 4g (default 2g,
                                the heap of Ember's and the kernel's JVMs)
              --warmup          seconds each socket search first offers half its starting
                                rate, unjudged, to warm the JIT (default 8; 1 with --quick)
            """;

    /** The storage levels {@code --spark-storage} accepts. */
    static final List<String> STORAGE_LEVELS =
            List.of(
                    "MEMORY_ONLY",
                    "MEMORY_ONLY_SER",
                    "MEMORY_AND_DISK",
                    "MEMORY_AND_DISK_SER",
                    "MEMORY_AND_DISK_SER_2");

    boolean help;
    boolean quick;
    List<String> only = Harness.WORKLOADS;
    List<String> engines = Report.ENGINES;
    double durationScale = 1.0;
    Path outDir = Path.of("bench-results");
    Path classpathDir;
    String sparkStorage = "MEMORY_ONLY";
    String sparkHeap = "2g";
    Double warmupSeconds;

    static Options parse(List<String> args) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-h", "--help" -> o.help = true;
                case "--quick" -> o.quick = true;
                case "--only" -> o.only = list(value(args, ++i, a), Harness.WORKLOADS, a);
                case "--engines" -> o.engines = list(value(args, ++i, a), Report.ENGINES, a);
                case "--duration-scale" -> {
                    o.durationScale = Double.parseDouble(value(args, ++i, a));
                    if (!(o.durationScale > 0)) {
                        throw new IllegalArgumentException(
                                "--duration-scale must be above 0, got " + o.durationScale);
                    }
                }
                case "--out-dir" -> o.outDir = Path.of(value(args, ++i, a));
                case "--classpath-dir" -> o.classpathDir = Path.of(value(args, ++i, a));
                case "--spark-storage" ->
                        o.sparkStorage = list(value(args, ++i, a), STORAGE_LEVELS, a).get(0);
                case "--spark-heap" -> {
                    o.sparkHeap = value(args, ++i, a);
                    if (!o.sparkHeap.matches("[1-9][0-9]*[mg]")) {
                        throw new IllegalArgumentException(
                                "--spark-heap takes a JVM heap size such as 2g or 4096m, got '"
                                        + o.sparkHeap
                                        + "'");
                    }
                }
                case "--warmup" -> {
                    o.warmupSeconds = Double.parseDouble(value(args, ++i, a));
                    if (!(o.warmupSeconds >= 0)) {
                        throw new IllegalArgumentException(
                                "--warmup must be 0 seconds or more, got " + o.warmupSeconds);
                    }
                }
                default ->
                        throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        return o;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    /** The chosen names, in {@code allowed}'s order. */
    private static List<String> list(String value, List<String> allowed, String option) {
        List<String> chosen = Arrays.asList(value.split(","));
        for (String c : chosen) {
            if (!allowed.contains(c)) {
                throw new IllegalArgumentException(
                        option + " got '" + c + "'; choose from " + String.join(", ", allowed));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String a : allowed) {
            if (chosen.contains(a)) {
                ordered.add(a);
            }
        }
        return List.copyOf(ordered);
    }
}
