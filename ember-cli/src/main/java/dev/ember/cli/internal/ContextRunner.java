package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.StreamingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * Runs the streaming context of a command's job from start to stop, the same way for every job.
 *
 * <p>Stopping: the run ends when the context stops by itself (a failure, which is rethrown), when
 * {@code duration} has passed (a graceful stop, so data already received is processed), when the
 * job completes {@code end} because its work is done (an immediate stop: nothing it still wants is
 * in flight), or when a part of the job completes {@code end} exceptionally (an immediate stop, and
 * that failure is rethrown). On Ctrl-C or SIGTERM, {@link GracefulShutdown} stops the context
 * gracefully and gives the exit status the help promises.
 *
 * <p>Threads: the calling thread waits on {@code end}; a daemon thread waits for the context's
 * termination and completes {@code end} with it, so that every way of ending wakes the caller.
 */
final class ContextRunner {
    /** How long to wait, after a graceful stop, for the failure of a last batch to show. */
    private static final long FAILURE_REPORT_MILLIS = 5_000;

    private ContextRunner() {}

    /**
     * Starts {@code ssc} and returns once it has stopped, as described above.
     *
     * @param command the running command, for the messages and exit status of a signal
     * @param duration how long to run, or {@code null} to run until stopped
     * @param end completed by the job to stop early; exceptionally to fail
     * @throws StreamingException the failure that stopped the context or that ended the run
     */
    static void run(
            CommandLine command,
            StreamingContext ssc,
            Duration duration,
            CompletableFuture<Void> end)
            throws Exception {
        try {
            ssc.start();
            GracefulShutdown.run(command, () -> ssc.stop(true), () -> runToEnd(ssc, duration, end));
        } finally {
            if (ssc.getState() != StreamingContextState.STOPPED) {
                ssc.stop(false);
            }
        }
    }

    private static void runToEnd(
            StreamingContext ssc, Duration duration, CompletableFuture<Void> end)
            throws InterruptedException {
        Thread waiter =
                new Thread(() -> completeOnTermination(ssc, end), "ember-await-termination");
        waiter.setDaemon(true);
        waiter.start();
        try {
            if (duration == null) {
                end.get();
            } else {
                end.get(duration.milliseconds(), TimeUnit.MILLISECONDS);
            }
            ssc.stop(false);
        } catch (TimeoutException e) {
            ssc.stop(true);
            // Rethrows the failure of a batch that ran during the graceful stop, if any.
            ssc.awaitTerminationOrTimeout(FAILURE_REPORT_MILLIS);
        } catch (ExecutionException e) {
            ssc.stop(false);
            throw rethrown(e.getCause());
        }
    }

    private static void completeOnTermination(StreamingContext ssc, CompletableFuture<Void> end) {
        try {
            ssc.awaitTermination();
            end.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            end.completeExceptionally(e);
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new StreamingException(failure.getMessage(), failure);
    }
}
