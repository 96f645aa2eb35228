package dev.ember.engine.internal.state;

import dev.ember.spi.StateSerializer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Where a capture writes: plain numbers, and user values through the context's serializer. */
public final class StateOutput extends DataOutputStream {
    private final StateSerializer values;

    public StateOutput(OutputStream out, StateSerializer values) {
        super(out);
        this.values = values;
    }

    /** Writes a user value (a key, a state, a record). */
    public void writeValue(Object value) throws IOException {
        values.write(value, this);
    }
}
