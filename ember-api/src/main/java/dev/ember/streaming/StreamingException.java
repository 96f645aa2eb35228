package dev.ember.streaming;

/**
 * The base of every error Ember raises while defining or running a stream. Subclasses exist only
 * where a caller can act differently: {@link InvalidPipelineException}, {@link
 * UserFunctionException} and {@link SourceException}.
 */
public class StreamingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names the subject, the rule and the remedy. */
    public StreamingException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public StreamingException(String message, Throwable cause) {
        super(message, cause);
    }
}
