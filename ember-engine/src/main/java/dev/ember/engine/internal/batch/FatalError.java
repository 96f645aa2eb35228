package dev.ember.engine.internal.batch;

import dev.ember.streaming.StreamingException;

/**
 * The one policy for errors of the JVM itself ({@link VirtualMachineError} such as {@link
 * OutOfMemoryError} or {@link StackOverflowError}, and {@link LinkageError}) in any thread of the
 * local runner: they are never retried or logged and forgotten; the context stops with a {@link
 * StreamingException} that names the thread and what it was doing, keeps the error as its cause,
 * and is what {@code awaitTermination} throws. Other exceptions follow the usual rules (a user
 * function's stops the context as a {@code UserFunctionException}; a receiver's restarts it).
 */
public final class FatalError {
    private FatalError() {}

    /** True for the errors this policy covers. */
    public static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError || error instanceof LinkageError;
    }

    /** True for the exception {@link #stop} makes: it must reach the context as it is. */
    public static boolean isStop(Throwable e) {
        return e instanceof StreamingException && isFatal(e.getCause());
    }

    /**
     * The exception a context stops with.
     *
     * @param thread the name of the thread that met the error
     * @param activity what it was doing, such as {@code running batch 3000 ms}
     */
    public static StreamingException stop(Throwable error, String thread, String activity) {
        String name = error.getClass().getSimpleName();
        String detail = error.getMessage() == null ? "" : ": " + error.getMessage();
        return new StreamingException(
                name
                        + " in thread '"
                        + thread
                        + "' while "
                        + activity
                        + detail
                        + "; the context stopped. "
                        + remedy(error),
                error);
    }

    private static String remedy(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "Give the JVM more heap (-Xmx, or JAVA_OPTS=-Xmx2g for the ember command), or"
                    + " keep less in memory (a lower input rate, shorter windows, fewer keys)";
        }
        if (error instanceof StackOverflowError) {
            return "A function recursed too deep; make it iterative, or give threads a larger"
                    + " stack (-Xss)";
        }
        if (error instanceof LinkageError) {
            return "A class is missing or does not match the one compiled against; check the"
                    + " classpath";
        }
        return "The JVM cannot go on safely; restart the program";
    }
}
