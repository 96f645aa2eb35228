package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file stream's memory is bounded in bytes: a real JVM with a 64 MB heap reads a 256 MiB file, 8
 * MiB per batch, and counts every one of its lines.
 */
class FileStreamMemoryIT {
    private static final int LINES = 2_800_000;

    @TempDir Path directory;

    @Test
    void readsAFileFourTimesLargerThanTheHeapInBatchesOfTheBudget() throws Exception {
        long bytes = 0;
        try (BufferedWriter out =
                Files.newBufferedWriter(directory.resolve("big.txt"), StandardCharsets.UTF_8)) {
            String padding = "x".repeat(85);
            for (int i = 0; i < LINES; i++) {
                String line = String.format("%09d ", i) + padding;
                out.write(line);
                out.write('\n');
                bytes += line.length() + 1;
            }
        }
        assertTrue(bytes > 256L << 20, "the file holds " + bytes + " bytes");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FileStreamPrograms.class.getName());
        command.add(directory.toString());
        command.add(Long.toString(8L << 20));
        command.add(Integer.toString(LINES));
        Process process = new ProcessBuilder(command).start();
        process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the program did not end in 300 s");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        // 8 MiB less 1 KiB per part: the file's bytes take 33 parts, and every line is counted.
        long part = (8L << 20) - 1024;
        assertEquals(
                List.of("lines: " + LINES, "batches: " + ((bytes + part - 1) / part)),
                out.lines().toList(),
                out);
    }
}
