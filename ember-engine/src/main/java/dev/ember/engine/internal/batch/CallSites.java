package dev.ember.engine.internal.batch;

import dev.ember.spi.plan.OpInfo;

/** Names operators that user code calls on a batch, by where it called them. */
public final class CallSites {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSites() {}

    public static OpInfo op(String operator) {
        String site =
                WALKER.walk(
                        frames ->
                                frames.filter(
                                                f ->
                                                        !f.getClassName()
                                                                        .startsWith(
                                                                                "dev.ember.engine.")
                                                                && !f.getClassName()
                                                                        .startsWith(
                                                                                "dev.ember.streaming."))
                                        .findFirst()
                                        .map(f -> f.getFileName() + ":" + f.getLineNumber())
                                        .orElse(null));
        return new OpInfo(0, operator, site);
    }
}
