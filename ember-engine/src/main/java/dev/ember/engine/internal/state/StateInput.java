package dev.ember.engine.internal.state;

import dev.ember.spi.StateSerializer;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What a restore reads: plain numbers, and user values through the context's serializer. */
public final class StateInput extends DataInputStream {
    private final StateSerializer values;

    public StateInput(InputStream in, StateSerializer values) {
        super(in);
        this.values = values;
    }

    /** Reads a user value written by {@link StateOutput#writeValue}. */
    public Object readValue() throws IOException {
        return values.read(this);
    }
}
