package dev.ember.streaming.internal;

import dev.ember.spi.Execution;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.StreamingContext;

/**
 * Lets the SPI reach what a context keeps private ({@link dev.ember.spi.ContextAccess}): {@code
 * StreamingContext}'s class initializer installs the implementation.
 */
public final class ContextHook {
    /** The context's side of {@link dev.ember.spi.ContextAccess}. */
    public interface Access {
        Execution execution(StreamingContext context);

        void restoreOnStart(StreamingContext context, byte[] snapshot);

        StreamGraph plan(StreamingContext context);
    }

    private static volatile Access access;

    private ContextHook() {}

    /** Installed once, by {@code StreamingContext}. */
    public static void install(Access hook) {
        if (access != null) {
            throw new IllegalStateException("the context hook is installed already");
        }
        access = hook;
    }

    /** The installed access. */
    public static Access get() {
        return access;
    }
}
