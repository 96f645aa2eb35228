package dev.ember.cli.internal;

/**
 * The exit statuses of every {@code ember} command, and the lines their {@code --help} shows.
 *
 * <p>A command ends with {@link #OK} when its job ended by itself (its {@code --duration} elapsed,
 * or its source ended), {@link #FAILED} when the job failed, {@link #USAGE} on a bad command line.
 * Stopped by a signal, it stops gracefully first and then exits as shells expect of a program a
 * signal ended, 128 plus the signal's number: {@link #INTERRUPTED} after Ctrl-C (SIGINT), {@link
 * #TERMINATED} after SIGTERM; {@link #FAILED} instead when the graceful stop failed or did not end
 * in time ({@link GracefulShutdown}). So {@code ember ... && next} runs {@code next} only after a
 * run that was not cut short.
 */
final class ExitStatus {
    /** The job ended by itself: its {@code --duration} elapsed, or its source ended. */
    static final int OK = 0;

    /** The job failed, or a graceful stop after a signal failed or did not end in time. */
    static final int FAILED = 1;

    /** The command line was wrong; nothing ran. */
    static final int USAGE = 2;

    /** Stopped gracefully after Ctrl-C (SIGINT, signal 2). */
    static final int INTERRUPTED = 130;

    /** Stopped gracefully after SIGTERM (signal 15), as {@code kill} or a service manager sends. */
    static final int TERMINATED = 143;

    /** The help line of {@link #USAGE}, for picocli's {@code exitCodeList}. */
    static final String USAGE_HELP = "2:usage error";

    /** The help line of {@link #INTERRUPTED}, for picocli's {@code exitCodeList}. */
    static final String INTERRUPTED_HELP = "130:stopped by Ctrl-C (SIGINT), after a graceful stop";

    /** The help line of {@link #TERMINATED}, for picocli's {@code exitCodeList}. */
    static final String TERMINATED_HELP =
            "143:stopped by SIGTERM (kill, a service manager), after a graceful stop";

    /** The part of the help line of {@link #FAILED} that every command shares. */
    static final String GRACEFUL_STOP_FAILED_HELP =
            ", or a graceful stop failed or took over " + GracefulShutdown.GRACE_SECONDS + "s";

    private ExitStatus() {}
}
