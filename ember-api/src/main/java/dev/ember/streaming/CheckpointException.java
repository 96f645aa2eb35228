package dev.ember.streaming;

/**
 * Saved state cannot be written, or cannot be restored into this program: a checkpoint that is
 * corrupt or from an incompatible program, a stateful stream whose kind or window changed. The
 * message names the checkpoint or stream and says what to do.
 */
public class CheckpointException extends StreamingException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names what failed and the remedy. */
    public CheckpointException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
