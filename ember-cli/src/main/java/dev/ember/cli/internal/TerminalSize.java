package dev.ember.cli.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The width of the terminal the command runs in, asked anew each time so that a resized window is
 * followed: {@code $COLUMNS} when the shell exports it, else what {@code stty size} says of {@code
 * /dev/tty}, else 80. Java has no call for it.
 */
final class TerminalSize {
    static final int DEFAULT_COLUMNS = 80;

    private TerminalSize() {}

    /** The terminal's columns, or {@link #DEFAULT_COLUMNS} when it cannot be told. */
    static int columns() {
        Integer fromEnvironment = parse(System.getenv("COLUMNS"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return DEFAULT_COLUMNS;
        }
        try {
            Process stty =
                    new ProcessBuilder("stty", "size")
                            .redirectInput(tty)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!stty.waitFor(1, TimeUnit.SECONDS)) {
                stty.destroyForcibly();
                return DEFAULT_COLUMNS;
            }
            String answer =
                    new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String[] rowsAndColumns = answer.strip().split("\\s+");
            Integer columns = rowsAndColumns.length == 2 ? parse(rowsAndColumns[1]) : null;
            return columns == null ? DEFAULT_COLUMNS : columns;
        } catch (IOException e) {
            return DEFAULT_COLUMNS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DEFAULT_COLUMNS;
        }
    }

    private static Integer parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            int columns = Integer.parseInt(value.strip());
            return columns > 0 ? columns : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
