package dev.ember.streaming.internal;

import dev.ember.spi.StateSerializer;
import dev.ember.streaming.Tuple2;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StreamCorruptedException;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard {@link StateSerializer}: a tag byte, then the value. Strings, boxed primitives,
 * {@code Tuple2} and lists (the usual keys and states: words, counts, running totals) are written
 * directly, so that a state of millions of word counts costs no Java serialization; anything else
 * is written with Java serialization, length-prefixed.
 */
public final class DefaultStateSerializer implements StateSerializer {
    /** The one instance. */
    public static final DefaultStateSerializer INSTANCE = new DefaultStateSerializer();

    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INTEGER = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int FLOAT = 6;
    private static final int SHORT = 7;
    private static final int BYTE = 8;
    private static final int CHARACTER = 9;
    private static final int TUPLE2 = 10;
    private static final int LIST = 11;
    private static final int JAVA = 12;
    private static final int MAX_STRING_CHUNK = 16_000;

    private DefaultStateSerializer() {}

    @Override
    public String name() {
        return "ember-standard-1";
    }

    @Override
    public void write(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(s, out);
        } else if (value instanceof Integer i) {
            out.writeByte(INTEGER);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeFloat(f);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Character c) {
            out.writeByte(CHARACTER);
            out.writeChar(c);
        } else if (value instanceof Tuple2<?, ?> t) {
            out.writeByte(TUPLE2);
            write(t._1(), out);
            write(t._2(), out);
        } else if (value.getClass() == ArrayList.class
                || value.getClass().getName().startsWith("java.util.ImmutableCollections$List")) {
            List<?> list = (List<?>) value;
            out.writeByte(LIST);
            out.writeBoolean(value.getClass() == ArrayList.class);
            out.writeInt(list.size());
            for (Object element : list) {
                write(element, out);
            }
        } else {
            out.writeByte(JAVA);
            byte[] bytes = javaSerialized(value);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** UTF-8 in chunks, since {@code writeUTF} takes at most 64 KiB of encoded bytes. */
    private static void writeString(String s, DataOutput out) throws IOException {
        int chunks = (s.length() + MAX_STRING_CHUNK - 1) / MAX_STRING_CHUNK;
        out.writeInt(chunks);
        for (int i = 0; i < chunks; i++) {
            int from = i * MAX_STRING_CHUNK;
            int to = Math.min(s.length(), from + MAX_STRING_CHUNK);
            if (to < s.length() && Character.isHighSurrogate(s.charAt(to - 1))) {
                to--;
            }
            out.writeUTF(s.substring(from, to));
        }
    }

    private static String readString(DataInput in) throws IOException {
        int chunks = in.readInt();
        if (chunks == 1) {
            return in.readUTF();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            sb.append(in.readUTF());
        }
        return sb.toString();
    }

    private static byte[] javaSerialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new NotSerializableException(
                    value.getClass().getName()
                            + " (a value kept in state) is not serializable: make it implement"
                            + " java.io.Serializable, or set a StateSerializer that can write it");
        }
        return bytes.toByteArray();
    }

    @Override
    public Object read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case INTEGER:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case FLOAT:
                return in.readFloat();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHARACTER:
                return in.readChar();
            case TUPLE2:
                return new Tuple2<>(read(in), read(in));
            case LIST:
                boolean mutable = in.readBoolean();
                int n = in.readInt();
                List<Object> list = new ArrayList<>(Math.min(n, 1024));
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return mutable ? list : List.copyOf(list);
            case JAVA:
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                try (ObjectInputStream objects =
                        new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    return objects.readObject();
                } catch (ClassNotFoundException | InvalidClassException e) {
                    throw new InvalidClassException(
                            "a value in the saved state no longer deserializes ("
                                    + e
                                    + "); its"
                                    + " class changed or is missing");
                }
            default:
                throw new StreamCorruptedException("unknown value tag " + tag);
        }
    }
}
