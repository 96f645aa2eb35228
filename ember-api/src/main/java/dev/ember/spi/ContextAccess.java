package dev.ember.spi;

import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.internal.ContextHook;
import java.util.Objects;

/**
 * What tools that drive or inspect a program, such as the test kit, need from its context beyond
 * the public API: its plan, the running {@link Execution}, and a snapshot to start from. Programs
 * never need it.
 */
public final class ContextAccess {
    private ContextAccess() {}

    /**
     * The execution of a started context.
     *
     * @throws IllegalStateException when the context has not been started
     */
    public static Execution execution(StreamingContext context) {
        return ContextHook.get().execution(Objects.requireNonNull(context, "context"));
    }

    /**
     * The plan {@code context} has recorded so far, as a runner would receive it at start: for
     * tools that inspect or check programs (a lint, a plan printer, the test kit).
     */
    public static StreamGraph plan(StreamingContext context) {
        return ContextHook.get().plan(Objects.requireNonNull(context, "context"));
    }

    /**
     * Makes {@code context} start from {@code snapshot}, written by {@link Execution#snapshot} of a
     * context of the same program: the runner restores the state of every stream it finds by stable
     * name, and the batches resume after the snapshot's last batch. Only before start.
     */
    public static void restoreOnStart(StreamingContext context, byte[] snapshot) {
        ContextHook.get()
                .restoreOnStart(
                        Objects.requireNonNull(context, "context"),
                        Objects.requireNonNull(snapshot, "snapshot").clone());
    }
}
