package dev.ember.spark.internal;

/**
 * A user function of one operator threw, on an executor or on the driver. Serializable, so that
 * Spark carries it from a failed task to the driver as the cause of the job's failure; the driver
 * finds it in the cause chain and reports a {@code UserFunctionException} that names the operator
 * and the batch time.
 */
final class OperatorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The operator as {@code OpInfo.describe()} spells it. */
    final String operator;

    private OperatorFailure(String operator, Throwable cause) {
        super("function of " + operator + " failed: " + cause, cause);
        this.operator = operator;
    }

    /** Wraps {@code cause}, unless it is already the failure of an operator (of a nested call). */
    static RuntimeException of(String operator, Throwable cause) {
        return cause instanceof OperatorFailure f ? f : new OperatorFailure(operator, cause);
    }

    /** The failure of an operator in {@code error}'s cause chain, or null. */
    static OperatorFailure find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OperatorFailure f) {
                return f;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
