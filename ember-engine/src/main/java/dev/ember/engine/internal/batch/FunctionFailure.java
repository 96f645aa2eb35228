package dev.ember.engine.internal.batch;

import dev.ember.spi.plan.OpInfo;

/**
 * A user function threw inside a task. Carries the operator so the job can report it with the batch
 * time as a {@code UserFunctionException}; unchecked so it crosses the fused loops freely.
 */
public final class FunctionFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public final transient OpInfo op;

    public FunctionFailure(OpInfo op, Throwable cause) {
        super(op.describe() + " failed: " + cause, cause);
        this.op = op;
    }

    public static RuntimeException wrap(OpInfo op, Throwable cause) {
        if (cause instanceof FunctionFailure f) {
            return f;
        }
        if (FatalError.isStop(cause)) {
            // A JVM error met by an action the function called: it stops the context as it is.
            return (RuntimeException) cause;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new FunctionFailure(op, cause);
    }
}
