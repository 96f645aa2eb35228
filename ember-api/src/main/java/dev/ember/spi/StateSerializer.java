package dev.ember.spi;

import dev.ember.streaming.internal.DefaultStateSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes the user values a runner keeps (keys and states of {@code updateStateByKey} and {@code
 * mapWithState}, window totals, buffered records) into a snapshot, and reads them back.
 *
 * <p>The {@linkplain #standard() standard} serializer writes strings, boxed primitives, {@code
 * Tuple2}, lists and nulls compactly, and any other {@link java.io.Serializable} value with Java
 * serialization, since Ember's functions and values are serializable as in Spark. A program whose
 * state holds other types, or that wants a format independent of its classes' Java serialization
 * (Kryo, Protocol Buffers, JSON), sets its own with {@code StreamingContext.setStateSerializer}. A
 * snapshot must be read with the serializer that wrote it.
 */
public interface StateSerializer {

    /** Writes {@code value}, which may be null. */
    void write(Object value, DataOutput out) throws IOException;

    /** Reads a value written by {@link #write}. */
    Object read(DataInput in) throws IOException;

    /** A name written into snapshots, so that one read with another serializer fails clearly. */
    String name();

    /** The standard serializer; see the class description. */
    static StateSerializer standard() {
        return DefaultStateSerializer.INSTANCE;
    }
}
