package dev.ember.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Spark standalone cluster on loopback: a master and one worker, each a JVM of its own
 * started from Spark's jars (laid out as a Spark home whose {@code jars/} links to them), and an
 * Ember word count submitted to it through the runner with master {@code spark://127.0.0.1:port}.
 * The worker starts an executor JVM, which runs the socket receiver and the tasks, with the
 * program's code shipped through {@code spark.jars}. Counts are checked exactly; every process is
 * stopped by its PID, the worker's executors included.
 */
class SparkClusterIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final long START_TIMEOUT_SECONDS = 120;

    /** Word counts of every batch, summed on the driver. */
    private static final Map<String, Long> TOTALS = new ConcurrentHashMap<>();

    private static final AtomicLong WORDS = new AtomicLong();
    private static volatile long expectedWords;
    private static volatile CountDownLatch allCounted;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopCluster() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : processes) {
            p.descendants().forEach(all::add);
            all.add(p.toHandle());
        }
        for (ProcessHandle h : all) {
            h.destroy();
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            assertTrue(!h.isAlive() || h.onExit().isDone(), "process " + h.pid() + " stopped");
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void countsWordsExactlyOnAStandaloneCluster() throws Exception {
        Path home = sparkHome();
        Path work = Files.createDirectories(TARGET.resolve("spark-cluster"));
        int masterPort = freePort();
        Process master =
                start(
                        home,
                        work.resolve("master.log"),
                        "Master",
                        "I have been elected leader",
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(masterPort),
                        "--webui-port",
                        Integer.toString(freePort()));
        assertTrue(master.isAlive());
        String masterUrl = "spark://127.0.0.1:" + masterPort;
        start(
                home,
                work.resolve("worker.log"),
                "Worker",
                "Successfully registered with master",
                "org.apache.spark.deploy.worker.Worker",
                masterUrl,
                "--host",
                "127.0.0.1",
                "--cores",
                "2",
                "--memory",
                "1g",
                "--webui-port",
                Integer.toString(freePort()),
                "--work-dir",
                Files.createDirectories(work.resolve("worker")).toString());

        List<String> lines =
                List.of("to be or not to be", "that is the question", "to be is to do");
        Map<String, Long> expected = new TreeMap<>();
        for (String line : lines) {
            for (String w : line.split(" ")) {
                expected.merge(w, 1L, Long::sum);
            }
        }
        allCounted = new CountDownLatch(1);
        TOTALS.clear();
        WORDS.set(0);
        long wordCount = expected.values().stream().mapToLong(Long::longValue).sum();
        expectedWords = wordCount;

        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> serve(server, lines));
            System.setProperty("spark.executor.memory", "512m");
            System.setProperty("spark.cores.max", "2");
            StreamingContext ssc =
                    new StreamingContext(masterUrl, "cluster word count", Durations.seconds(1));
            try {
                ssc.socketTextStream("127.0.0.1", server.getLocalPort())
                        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                        .mapToPair(word -> new Tuple2<>(word, 1L))
                        .reduceByKey(Long::sum)
                        .foreachRDD(SparkClusterIT::add);
                ssc.start();
                sent.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertTrue(
                        allCounted.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                        () -> "counted " + WORDS.get() + " of " + wordCount + " words: " + TOTALS);
            } finally {
                ssc.stop();
                System.clearProperty("spark.executor.memory");
                System.clearProperty("spark.cores.max");
            }
        }

        assertEquals(expected, new TreeMap<>(TOTALS));
        assertEquals(wordCount, WORDS.get());
    }

    /** The output: adds one batch's counts to the totals, on the driver. */
    private static void add(dev.ember.streaming.Batch<Tuple2<String, Long>> batch) {
        long words = 0;
        for (Tuple2<String, Long> count : batch.collect()) {
            TOTALS.merge(count._1(), count._2(), Long::sum);
            words += count._2();
        }
        if (WORDS.addAndGet(words) >= expectedWords) {
            allCounted.countDown();
        }
    }

    /** Sends the lines to the first connection (the receiver's), then keeps it open. */
    private static void serve(ServerSocket server, List<String> lines) {
        try {
            Socket socket = server.accept();
            OutputStream out = socket.getOutputStream();
            PrintWriter writer =
                    new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            for (String line : lines) {
                writer.print(line + "\n");
            }
            writer.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A Spark home whose {@code jars/} links to the jars of Spark that the build resolved. */
    private static Path sparkHome() throws IOException {
        Path home = TARGET.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        String classpath = Files.readString(TARGET.resolve("spark-classpath.txt")).trim();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return home;
    }

    /**
     * Starts a Spark daemon and waits until its log says {@code ready}; its output is copied to
     * {@code log}.
     */
    private Process start(Path home, Path log, String name, String ready, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(SparkSetup.javaOptions());
        command.add("-cp");
        command.add(home.resolve("jars") + "/*");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process process = builder.start();
        processes.add(process);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Thread copier =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                            new BufferedReader(
                                                    new InputStreamReader(
                                                            process.getInputStream(),
                                                            StandardCharsets.UTF_8));
                                    PrintWriter out =
                                            new PrintWriter(Files.newBufferedWriter(log), true)) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    out.println(line);
                                    if (line.contains(ready)) {
                                        started.complete(null);
                                    }
                                }
                                started.completeExceptionally(
                                        new IllegalStateException(
                                                name + " exited before it was ready; see " + log));
                            } catch (IOException e) {
                                started.completeExceptionally(e);
                            }
                        },
                        "spark-" + name + "-log");
        copier.setDaemon(true);
        copier.start();
        started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
