package dev.ember.streaming;

/**
 * A stream graph that cannot run: no output operation, durations that do not fit the batch
 * interval, streams from different contexts. Raised at definition time or by {@code start()}, never
 * while batches run.
 */
public class InvalidPipelineException extends StreamingException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message names the operator, the rule, the value and the fix. */
    public InvalidPipelineException(String message) {
        super(message);
    }
}
