package dev.ember.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the {@code ember} command line in this JVM, with its output captured. */
final class CommandRun {
    final int exitCode;

    /** What the job printed: its batches. */
    final String jobOut;

    /** What picocli wrote to standard output: help and version. */
    final String out;

    /** What the command wrote to standard error. */
    final String err;

    private CommandRun(int exitCode, String jobOut, String out, String err) {
        this.exitCode = exitCode;
        this.jobOut = jobOut;
        this.out = out;
        this.err = err;
    }

    static CommandRun of(String... args) {
        ByteArrayOutputStream jobBytes = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintStream jobOut = new PrintStream(jobBytes, true, StandardCharsets.UTF_8)) {
            exitCode =
                    EmberCommand.commandLine(jobOut, new PrintWriter(out), new PrintWriter(err))
                            .execute(args);
        }
        return new CommandRun(
                exitCode,
                jobBytes.toString(StandardCharsets.UTF_8),
                out.toString(),
                err.toString());
    }

    /** Standard error as one line, failing when it has more or none. */
    String errLine() {
        if (err.lines().count() != 1) {
            throw new AssertionError("expected one line on standard error, got:\n" + err);
        }
        return err.strip();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out:\n" + out + jobOut + "--- err:\n" + err;
    }
}
