package dev.ember.bench.internal;

/** A child run that produced no figure; the message is what the table shows instead. */
final class RunFailed extends Exception {
    private static final long serialVersionUID = 1L;

    RunFailed(String message) {
        super(message);
    }
}
