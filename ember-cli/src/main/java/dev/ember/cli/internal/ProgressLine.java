package dev.ember.cli.internal;

import java.io.PrintWriter;

/**
 * A command's running counts on standard error: on a terminal, one line rewritten at every tick;
 * otherwise, such as in a log file, a plain line every {@code ticksPerLine} ticks when something
 * changed. The final counts are always printed on a line of their own.
 *
 * <p>On a terminal, standard output and standard error share the screen, so output that belongs on
 * standard output goes through {@link #printAbove}, which clears the line, lets the output through
 * and draws the line again below it: the two never mix on one line. Thread-safe.
 */
final class ProgressLine {
    /** Clears the terminal line the cursor is on: carriage return, then ANSI erase-in-line. */
    private static final String CLEAR = "\r\033[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final String prefix;
    private final int ticksPerLine;
    private String last;
    private boolean shown;
    private int ticks;
    private boolean finished;

    /**
     * @param prefix what starts every plain line, such as {@code "ember relay: "}
     * @param ticksPerLine without a terminal, the ticks between two lines
     */
    ProgressLine(PrintWriter err, boolean terminal, String prefix, int ticksPerLine) {
        this.err = err;
        this.terminal = terminal;
        this.prefix = prefix;
        this.ticksPerLine = ticksPerLine;
    }

    /** Shows {@code status}: redrawn on a terminal, every few ticks as a line otherwise. */
    synchronized void tick(String status) {
        if (finished || status.equals(last)) {
            return;
        }
        if (terminal) {
            err.print(CLEAR + status);
            err.flush();
            last = status;
            shown = true;
        } else if (++ticks >= ticksPerLine) {
            ticks = 0;
            err.println(prefix + status);
            err.flush();
            last = status;
        }
    }

    /**
     * Runs {@code print}, which writes to standard output, with the line out of its way: on a
     * terminal the line is cleared before and drawn again after.
     */
    synchronized void printAbove(Runnable print) {
        if (!terminal || !shown || finished) {
            print.run();
            return;
        }
        err.print(CLEAR);
        err.flush();
        print.run();
        err.print(last);
        err.flush();
    }

    /** Prints {@code status} on a line of its own; later ticks print nothing. */
    synchronized void finish(String status) {
        if (finished) {
            return;
        }
        finished = true;
        if (shown) {
            err.print(CLEAR);
        }
        err.println(prefix + status);
        err.flush();
    }
}
