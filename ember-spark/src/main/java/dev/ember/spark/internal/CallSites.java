package dev.ember.spark.internal;

/** Where user code called into Ember: the first frame outside Ember's API and this runner. */
final class CallSites {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private CallSites() {}

    static String here() {
        return WALKER.walk(
                frames ->
                        frames.filter(
                                        f ->
                                                !f.getClassName()
                                                                .startsWith(
                                                                        "dev.ember.spark.internal.")
                                                        && !f.getClassName()
                                                                .startsWith("dev.ember.streaming."))
                                .findFirst()
                                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                                .orElse("an unknown place"));
    }
}
