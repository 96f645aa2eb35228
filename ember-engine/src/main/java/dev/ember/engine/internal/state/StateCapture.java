package dev.ember.engine.internal.state;

import java.io.IOException;

/** A state as it was captured, ready to be written. */
public interface StateCapture {
    void writeTo(StateOutput out) throws IOException;
}
