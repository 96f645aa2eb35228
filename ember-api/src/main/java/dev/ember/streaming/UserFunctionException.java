package dev.ember.streaming;

/**
 * A user function threw while a batch ran. The context stops and {@code awaitTermination()}
 * rethrows this exception; the message names the operator and the batch time, and the cause is the
 * user's exception.
 */
public class UserFunctionException extends StreamingException {
    private static final long serialVersionUID = 1L;

    private final String operator;
    private final Time batchTime;

    /**
     * Creates the exception for a failure of {@code operator} (such as {@code "flatMap at
     * WordCount.java:31"}) in the batch at {@code batchTime}.
     */
    public UserFunctionException(String operator, Time batchTime, Throwable cause) {
        super(
                "Function of "
                        + operator
                        + " failed in batch "
                        + batchTime
                        + ": "
                        + cause
                        + "; catch the exception inside the function to skip bad records instead"
                        + " of stopping the stream",
                cause);
        this.operator = operator;
        this.batchTime = batchTime;
    }

    /** The operator whose function failed, with the place it was defined. */
    public String operator() {
        return operator;
    }

    /** The time of the batch that failed. */
    public Time batchTime() {
        return batchTime;
    }
}
