package dev.ember.cli.internal;

import dev.ember.social.Relay;
import java.io.PrintWriter;

/**
 * The relay's running counts on standard error: on a terminal, one line rewritten every second;
 * otherwise, such as in a log file, a line every ten seconds when something changed. The final
 * counts are always printed on a line of their own.
 */
final class ProgressLine {
    private static final int TICKS_PER_LINE_WITHOUT_TERMINAL = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private Relay.Stats last;
    private int ticks;
    private boolean finished;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    synchronized void tick(Relay.Stats stats) {
        if (finished || stats.equals(last)) {
            return;
        }
        if (terminal) {
            err.print("\r" + format(stats) + "   ");
            err.flush();
            last = stats;
        } else if (++ticks >= TICKS_PER_LINE_WITHOUT_TERMINAL) {
            ticks = 0;
            err.println("ember relay: " + format(stats));
            err.flush();
            last = stats;
        }
    }

    synchronized void finish(Relay.Stats stats) {
        if (finished) {
            return;
        }
        finished = true;
        if (terminal && last != null) {
            err.println();
        }
        err.println("ember relay: " + format(stats));
        err.flush();
    }

    static String format(Relay.Stats s) {
        StringBuilder sb =
                new StringBuilder()
                        .append("received ")
                        .append(s.received())
                        .append(", matched ")
                        .append(s.matched())
                        .append(", sent ")
                        .append(s.sent())
                        .append(", clients ")
                        .append(s.clients());
        if (s.dropped() > 0) {
            sb.append(", dropped ").append(s.dropped());
        }
        if (s.refused() > 0) {
            sb.append(", refused ").append(s.refused());
        }
        if (s.skipped() > 0) {
            sb.append(", skipped ").append(s.skipped()).append(" malformed");
        }
        return sb.toString();
    }
}
