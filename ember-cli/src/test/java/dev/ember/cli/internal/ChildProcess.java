package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real process started by a test, with its standard output and error read as they come, so a test
 * waits for what it printed instead of sleeping. Closing it kills what is still running.
 *
 * <p>The process starts with SIGINT and SIGTERM at their default handling, through coreutils'
 * {@code env --default-signal}: a test run from a script in the background inherits SIGINT ignored,
 * and a JVM that starts with SIGINT ignored never sees Ctrl-C.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;

    private ChildProcess(Process process) {
        this.process = process;
        outReader = read(process.getInputStream(), out, "stdout");
        errReader = read(process.getErrorStream(), err, "stderr");
    }

    /**
     * Starts {@code command} in {@code dir}, with the test's environment changed by {@code env} (a
     * {@code null} value removes a variable) and an empty standard input.
     */
    static ChildProcess start(Path dir, Map<String, String> env, List<String> command)
            throws IOException {
        List<String> full = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(dir.toFile());
        env.forEach(
                (name, value) -> {
                    if (value == null) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new ChildProcess(builder.start());
    }

    /** A JVM running {@code mainClass} from this test's class path. */
    static ChildProcess java(Path dir, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return start(dir, Map.of(), command);
    }

    private Thread read(InputStream stream, StringBuilder into, String name) {
        Thread reader =
                new Thread(
                        () -> {
                            char[] buffer = new char[8192];
                            try (Reader in =
                                    new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                                for (int n; (n = in.read(buffer)) > 0; ) {
                                    synchronized (this) {
                                        into.append(buffer, 0, n);
                                        notifyAll();
                                    }
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } finally {
                                synchronized (this) {
                                    notifyAll();
                                }
                            }
                        },
                        "child-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    /** Waits until standard output so far matches {@code condition}; fails after the timeout. */
    synchronized String awaitOut(Predicate<String> condition, String what, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!condition.test(out.toString())) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !outReader.isAlive()) {
                fail("waited for " + what + "; " + this);
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return out.toString();
    }

    /** Sends signal {@code name} (such as {@code INT}) with the real {@code kill} command. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(pid())).start();
        assertTrue(kill.waitFor(30, TimeUnit.SECONDS), "kill did not end");
        assertTrue(kill.exitValue() == 0, "kill -s " + name + " failed");
    }

    /** The process's id; {@code env} replaced itself with the command, so it is the command's. */
    long pid() {
        return process.pid();
    }

    /** Waits for the process to end and for its output to be read; returns its exit status. */
    int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            fail("still running after " + timeoutSeconds + " s; " + this);
        }
        // The pipes close when the process ends (unless a child it left holds them).
        outReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        errReader.join(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        return process.exitValue();
    }

    /** Everything the process wrote to standard output so far. */
    synchronized String out() {
        return out.toString();
    }

    /** Everything the process wrote to standard error so far. */
    synchronized String err() {
        return err.toString();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public synchronized String toString() {
        return (process.isAlive() ? "running" : "exit " + process.exitValue())
                + "\n--- stdout:\n"
                + out
                + "\n--- stderr:\n"
                + err;
    }
}
