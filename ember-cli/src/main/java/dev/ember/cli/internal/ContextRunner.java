package dev.ember.cli.internal;

import dev.ember.streaming.Duration;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.streaming.StreamingException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the streaming context of a command's job from start to stop, the same way for every job.
 *
 * <p>Stopping: the run ends when the context stops by itself (a failure, which is rethrown), when
 * {@code duration} has passed (a graceful stop, so data already received is processed), when the
 * job completes {@code end} because its work is done (an immediate stop: nothing it still wants is
 * in flight), or when a part of the job completes {@code end} exceptionally (an immediate stop, and
 * that failure is rethrown). When the JVM shuts down (Ctrl-C), a shutdown hook stops gracefully but
 * gives up after {@link #SHUTDOWN_GRACE_MILLIS}, so a stuck stop never keeps the JVM alive.
 *
 * <p>Threads: the calling thread waits on {@code end}; a daemon thread waits for the context's
 * termination and completes {@code end} with it, so that every way of ending wakes the caller.
 */
final class ContextRunner {
    /** How long the shutdown hook waits for a graceful stop. */
    static final long SHUTDOWN_GRACE_MILLIS = 10_000;

    /** How long to wait, after a graceful stop, for the failure of a last batch to show. */
    private static final long FAILURE_REPORT_MILLIS = 5_000;

    private ContextRunner() {}

    /**
     * Starts {@code ssc} and returns once it has stopped, as described above.
     *
     * @param duration how long to run, or {@code null} to run until stopped
     * @param end completed by the job to stop early; exceptionally to fail
     * @throws StreamingException the failure that stopped the context or that ended the run
     */
    static void run(StreamingContext ssc, Duration duration, CompletableFuture<Void> end)
            throws InterruptedException {
        Thread hook = new Thread(() -> stopOnShutdown(ssc), "ember-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean stopped = false;
        try {
            ssc.start();
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
            stopped = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // The hook is running and stops the context itself.
            }
            if (!stopped) {
                ssc.stop(false);
            }
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

    private static void stopOnShutdown(StreamingContext ssc) {
        if (ssc.getState() != StreamingContextState.ACTIVE) {
            return;
        }
        Thread stopper = new Thread(() -> ssc.stop(true), "ember-graceful-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
