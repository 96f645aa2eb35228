package dev.ember.bench.internal;

import dev.ember.bench.internal.Protocol.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM: launched with the engine's class path and the common heap policy, its stdout
 * parsed into {@link Message}s by a reader thread, its resident memory sampled every 100 ms from
 * {@code /proc/<pid>/status}. Stdout and stderr are kept in the run's log files.
 */
final class ChildRun implements AutoCloseable {
    private final String label;
    private final Process process;
    private final long launchNanos;
    private final Thread reader;
    private final Thread sampler;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final ConcurrentSkipListMap<Long, Message> batches = new ConcurrentSkipListMap<>();
    private final List<long[]> rss = new CopyOnWriteArrayList<>();
    private volatile long hwmKb;
    private volatile boolean closed;

    private ChildRun(String label, Process process, long launchNanos, Path out) throws IOException {
        this.label = label;
        this.process = process;
        this.launchNanos = launchNanos;
        PrintWriter log =
                new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), true);
        reader = new Thread(() -> read(log), "child-reader-" + label);
        reader.setDaemon(true);
        reader.start();
        sampler = new Thread(this::sample, "child-rss-" + label);
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Launches {@code workload} on {@code engine} with {@code params} ({@code key=value}). */
    static ChildRun start(Setup setup, String workload, String engine, Map<String, ?> params)
            throws IOException {
        List<String> args = new ArrayList<>();
        params.forEach((k, v) -> args.add(k + "=" + v));
        String label = String.format("%03d-%s-%s", setup.nextRun(), workload, engine);
        Files.createDirectories(setup.logDir);
        ProcessBuilder pb = new ProcessBuilder(setup.command(workload, engine, args));
        pb.redirectError(setup.logDir.resolve(label + ".err").toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        long launch = System.nanoTime();
        Process process = pb.start();
        return new ChildRun(label, process, launch, setup.logDir.resolve(label + ".out"));
    }

    private void read(PrintWriter log) {
        try (log;
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                log.println(line);
                Message m = Protocol.parse(line, now);
                if (m == null) {
                    continue;
                }
                if (m.type().equals(Protocol.BATCH)) {
                    batches.put(m.longValue("t"), m);
                }
                messages.add(m);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private void sample() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (!closed && process.isAlive()) {
            readStatus(status);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readStatus(Path status) {
        try {
            long rssKb = -1;
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rssKb = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwmKb = Math.max(hwmKb, kb(line));
                }
            }
            if (rssKb >= 0) {
                rss.add(new long[] {System.currentTimeMillis(), rssKb});
            }
        } catch (IOException | RuntimeException e) {
            // gone, or no /proc on this system
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    String label() {
        return label;
    }

    long launchNanos() {
        return launchNanos;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The batches reported so far, by batch time. */
    ConcurrentSkipListMap<Long, Message> batches() {
        return batches;
    }

    /** Every message so far, in arrival order. */
    List<Message> messages() {
        return messages;
    }

    /**
     * Waits for the first message of one of {@code types}, or until the process exits or {@code
     * timeoutMs} passes; null if none came.
     */
    Message await(long timeoutMs, String... types) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        int seen = 0;
        while (true) {
            for (; seen < messages.size(); seen++) {
                Message m = messages.get(seen);
                for (String t : types) {
                    if (m.type().equals(t)) {
                        return m;
                    }
                }
            }
            if (!process.isAlive()) {
                reader.join(1000);
                if (seen >= messages.size()) {
                    return null;
                }
                continue;
            }
            if (System.currentTimeMillis() >= deadline) {
                return null;
            }
            Thread.sleep(10);
        }
    }

    /** The first message of {@code type} received so far, or null. */
    Message first(String type) {
        for (Message m : messages) {
            if (m.type().equals(type)) {
                return m;
            }
        }
        return null;
    }

    /** The highest sampled resident set size, in kB, between two wall-clock times. */
    long peakRssKb(long fromMs, long toMs) {
        long max = -1;
        for (long[] s : rss) {
            if (s[0] >= fromMs && s[0] <= toMs) {
                max = Math.max(max, s[1]);
            }
        }
        return max;
    }

    /** The process's peak resident set size so far (VmHWM), in kB; reads it now. */
    long hwmKb() {
        readStatus(Path.of("/proc", Long.toString(process.pid()), "status"));
        return hwmKb;
    }

    /** The exit code, if the process has ended. */
    Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** A short description of why the run failed: its ERROR message, or its exit. */
    String failure() {
        Message error = first(Protocol.ERROR);
        if (error != null) {
            return "failed: " + error.get("msg");
        }
        if (!process.isAlive()) {
            return "failed: exited with " + process.exitValue() + " (see " + label + ".err)";
        }
        return "failed: no result (see " + label + ".err)";
    }

    /** Ends the process at once: stopping an engine gracefully measures nothing. */
    @Override
    public void close() {
        if (process.isAlive()) {
            hwmKb();
        }
        closed = true;
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.interrupt();
    }
}
