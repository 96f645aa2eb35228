package dev.ember.cli.internal;

import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * Stops a running command gracefully when the JVM is asked to shut down (Ctrl-C, SIGTERM), and
 * gives the exit status that {@link ExitStatus} promises; every command that runs a job goes
 * through it.
 *
 * <p>Design: the JVM turns SIGINT and SIGTERM into an exit with status 128 plus the signal's
 * number, running the shutdown hooks first, and no hook can learn which signal came. So the hook
 * installed by {@link #run} starts the command's graceful stop on a thread of its own, waits up to
 * {@link #GRACE_SECONDS} for the command's work to return, and then leaves the status alone when
 * the work ended cleanly (130 or 143), or reports the failure as {@link ErrorReporter} does and
 * halts with {@link ExitStatus#FAILED} when it failed or did not end in time. A halt skips the
 * JVM's remaining hooks, which is what a stop that hangs needs. Without a shutdown, the work's
 * failure goes to picocli as usual; the hook is removed once the work returns, and whether that
 * removal fails is how the work's thread learns that the hook is running and owns the exit.
 */
final class GracefulShutdown {
    /** How long the hook waits for a graceful stop before it gives up and exits. */
    static final int GRACE_SECONDS = 10;

    /** The command's work, run on the command's thread. */
    @FunctionalInterface
    interface Work {
        /**
         * Does the command's work until it ends, by itself or because the graceful stop ended it;
         * leaves its output flushed, since the JVM may exit as soon as it returns.
         */
        void run() throws Exception;
    }

    private GracefulShutdown() {}

    /**
     * Runs {@code work} on this thread; if the JVM starts shutting down meanwhile, runs {@code
     * gracefulStop} on another thread, which must make {@code work} return.
     *
     * @param commandLine the running command, whose name and standard error the messages use
     * @param gracefulStop stops the job gracefully; called at most once, only on shutdown
     * @param work the command's work
     * @throws Exception what {@code work} threw, unless the JVM is shutting down: then the hook
     *     reports it and exits with {@link ExitStatus#FAILED}, and this method returns
     */
    static void run(CommandLine commandLine, Runnable gracefulStop, Work work) throws Exception {
        CompletableFuture<Throwable> ended = new CompletableFuture<>();
        Thread hook =
                new Thread(() -> onShutdown(commandLine, gracefulStop, ended), "ember-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable failure = null;
        try {
            work.run();
        } catch (Exception | Error e) {
            failure = e;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it waits for this outcome and decides the exit status.
            ended.complete(failure);
            return;
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private static void onShutdown(
            CommandLine commandLine, Runnable gracefulStop, CompletableFuture<Throwable> ended) {
        String name = commandLine.getCommandSpec().qualifiedName();
        PrintWriter err = commandLine.getErr();
        err.println(name + ": stopping gracefully");
        err.flush();
        Thread stopper = new Thread(gracefulStop, "ember-graceful-stop");
        stopper.setDaemon(true);
        stopper.start();
        Throwable failure;
        try {
            failure = ended.get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            err.println(
                    name
                            + ": the graceful stop did not end within "
                            + GRACE_SECONDS
                            + "s, so the job was stopped where it was; what it had not yet"
                            + " processed is lost");
            err.flush();
            Runtime.getRuntime().halt(ExitStatus.FAILED);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        if (failure != null) {
            ErrorReporter.report(commandLine, failure);
            Runtime.getRuntime().halt(ExitStatus.FAILED);
        }
    }
}
