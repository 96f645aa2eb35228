package dev.ember.spi.plan;

/**
 * Identity of one operator in a stream graph.
 *
 * @param id unique within its context, in order of definition; it moves when a program adds an
 *     operator before this one, so state and metrics are keyed by the stable name that {@link
 *     StreamGraph#name(PlanNode)} gives instead
 * @param operator the API method that defined it, such as {@code flatMap}
 * @param callSite where user code called it ({@code File.java:31}), or {@code null} if unknown
 */
public record OpInfo(int id, String operator, String callSite) {

    /** The operator as people read it in messages: {@code flatMap at NetworkWordCount.java:31}. */
    public String describe() {
        return callSite == null ? operator : operator + " at " + callSite;
    }
}
