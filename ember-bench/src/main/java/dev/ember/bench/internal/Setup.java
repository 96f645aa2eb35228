package dev.ember.bench.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the harness launches child JVMs: the java binary, the heap policy every engine gets, and a
 * class path per engine (Ember and the kernel get what an embedding application ships; Spark gets
 * its full dependency set).
 */
final class Setup {
    /** The heap of Ember's and the kernel's JVMs, and of Spark's unless {@code --spark-heap}. */
    static final String DEFAULT_HEAP = "2g";

    /** What Spark 4 needs on Java 17+. */
    static final List<String> SPARK_OPENS =
            List.of(
                    "java.base/java.lang",
                    "java.base/java.lang.invoke",
                    "java.base/java.lang.reflect",
                    "java.base/java.io",
                    "java.base/java.net",
                    "java.base/java.nio",
                    "java.base/java.util",
                    "java.base/java.util.concurrent",
                    "java.base/java.util.concurrent.atomic",
                    "java.base/sun.nio.ch",
                    "java.base/sun.nio.cs",
                    "java.base/sun.security.action",
                    "java.base/sun.util.calendar");

    final String java;
    final String emberClasspath;
    final String sparkClasspath;
    final Path logDir;
    final Path tmpDir;
    final String sparkHeap;
    private int runs;
    private int scratches;

    Setup(
            String java,
            String emberClasspath,
            String sparkClasspath,
            Path logDir,
            Path tmpDir,
            String sparkHeap) {
        this.java = java;
        this.emberClasspath = emberClasspath;
        this.sparkClasspath = sparkClasspath;
        this.logDir = logDir;
        this.tmpDir = tmpDir;
        this.sparkHeap = sparkHeap;
    }

    /** The heap options of {@code engine}'s JVMs. */
    List<String> heap(String engine) {
        String size = engine.equals("spark") ? sparkHeap : DEFAULT_HEAP;
        return List.of("-Xms" + size, "-Xmx" + size, "-XX:+UseG1GC");
    }

    /**
     * Finds the class path files that the build writes next to the harness's classes ({@code
     * target/bench-classpath.txt}, {@code target/ember-classpath.txt}), or in {@code dir}.
     */
    static Setup locate(Path dir, Path logDir, Path tmpDir, String sparkHeap) {
        Path own;
        try {
            own = Path.of(Setup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the harness's own classes", e);
        }
        Path target = dir != null ? dir : own.getParent();
        Path full = target.resolve("bench-classpath.txt");
        Path ember = target.resolve("ember-classpath.txt");
        if (!Files.isRegularFile(full) || !Files.isRegularFile(ember)) {
            throw new IllegalStateException(
                    "class path files "
                            + full
                            + " and "
                            + ember
                            + " are missing: build with 'mvn -B -q -pl ember-bench -am package"
                            + " -DskipTests' first, or pass --classpath-dir");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new Setup(
                java,
                own + File.pathSeparator + read(ember),
                own + File.pathSeparator + read(full),
                logDir,
                tmpDir,
                sparkHeap);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command line of a child run. */
    List<String> command(String workload, String engine, List<String> params) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(heap(engine));
        if (engine.equals("spark")) {
            for (String open : SPARK_OPENS) {
                cmd.add("--add-opens=" + open + "=ALL-UNNAMED");
            }
            cmd.add("-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
            cmd.add("-cp");
            cmd.add(sparkClasspath);
        } else {
            cmd.add("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider");
            cmd.add("-cp");
            cmd.add(emberClasspath);
        }
        cmd.add(ChildMain.class.getName());
        cmd.add(workload);
        cmd.add(engine);
        cmd.addAll(params);
        return cmd;
    }

    /** A fresh directory for one run's scratch files (Spark's local dir, checkpoints). */
    synchronized Path scratch(String label) {
        Path dir = tmpDir.resolve(String.format("%03d-%s", ++scratches, label));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    synchronized int nextRun() {
        return ++runs;
    }
}
