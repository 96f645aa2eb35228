package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An OutOfMemoryError in any thread stops the context with one clear error: real JVMs with a 64 MB
 * heap, the heap exhausted in a user function and in a receiver's own thread.
 */
class FatalErrorIT {

    /** Runs {@link OutOfMemoryPrograms} and returns its output, once it has exited. */
    private static List<String> run(String where) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OutOfMemoryPrograms.class.getName());
        command.add(where);
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the program did not end in 60 s");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void anOutOfMemoryErrorInAUserFunctionStopsTheContextNamingTheThreadAndBatch()
            throws Exception {
        List<String> out = run("function");

        assertTrue(
                out.get(0)
                        .matches(
                                "stopped: OutOfMemoryError in thread 'ember-(worker|job-runner)-"
                                        + "OutOfMemory.*' while running the batch at \\d+ ms"
                                        + " \\(foreachRDD at OutOfMemoryPrograms.java:\\d+\\):"
                                        + " Java heap space; the context stopped\\. Give the JVM"
                                        + " more heap .*"),
                out.get(0));
        assertEquals("cause: java.lang.OutOfMemoryError", out.get(1));
        assertEquals("state: STOPPED", out.get(2));
        assertEquals("threads: []", out.get(3));
    }

    @Test
    void anOutOfMemoryErrorInAReceiverThreadStopsTheContextInsteadOfLosingItsRecords()
            throws Exception {
        List<String> out = run("receiver");

        assertTrue(
                out.get(0)
                        .matches(
                                "stopped: OutOfMemoryError in thread 'ticker' while receiving for"
                                        + " input 'receiverStream\\[Ticker]': Java heap space; the"
                                        + " context stopped\\. Give the JVM more heap .*"),
                out.get(0));
        assertEquals("cause: java.lang.OutOfMemoryError", out.get(1));
        assertEquals("state: STOPPED", out.get(2));
        assertEquals("threads: []", out.get(3));
    }
}
