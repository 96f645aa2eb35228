package dev.ember.streaming;

/** An input or output connector failed in a way that stops the stream (such as a bad address). */
public class SourceException extends StreamingException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that says which source failed and what to do. */
    public SourceException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
