package dev.ember.engine.internal.input;

import java.util.List;

/** The runner's side of one input stream: what arrived since the last batch time. */
public interface InputReader {

    /** Starts receiving (receivers start their threads here). */
    void start();

    /** Takes the blocks received since the previous cut; they form the batch being cut. */
    List<List<?>> cut();

    /** The batch holding {@code records} of this input's records has completed. */
    default void release(long records) {}

    /** Stops receiving; blocks already received stay available to the next cut. */
    void stop();
}
