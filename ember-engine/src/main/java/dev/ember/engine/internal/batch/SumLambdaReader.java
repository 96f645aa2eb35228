package dev.ember.engine.internal.batch;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the bytecode of a lambda's implementation method to recognise the two-argument sum that
 * Spark's examples write as {@code (i1, i2) -> i1 + i2}: unbox both arguments, add, box. Only that
 * exact instruction sequence (for Integer or Long, either argument order) is recognised; anything
 * else, or any trouble reading the class file, means "not a sum".
 */
public final class SumLambdaReader {
    private static final int ALOAD_0 = 0x2a;
    private static final int ALOAD_1 = 0x2b;
    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKESTATIC = 0xb8;
    private static final int IADD = 0x60;
    private static final int LADD = 0x61;
    private static final int ARETURN = 0xb0;

    private SumLambdaReader() {}

    public static KnownFunctions.Sum read(
            ClassLoader loader, String implClass, String method, String descriptor) {
        boolean ints =
                descriptor.equals("(Ljava/lang/Integer;Ljava/lang/Integer;)Ljava/lang/Integer;");
        boolean longs = descriptor.equals("(Ljava/lang/Long;Ljava/lang/Long;)Ljava/lang/Long;");
        if ((!ints && !longs) || loader == null) {
            return KnownFunctions.Sum.NONE;
        }
        try (InputStream in = loader.getResourceAsStream(implClass + ".class")) {
            if (in == null) {
                return KnownFunctions.Sum.NONE;
            }
            Code found = codeOf(new DataInputStream(in), method, descriptor);
            if (found == null) {
                return KnownFunctions.Sum.NONE;
            }
            byte[] code = found.bytes;
            ConstantPool pool = found.pool;
            String box = ints ? "java/lang/Integer" : "java/lang/Long";
            String unbox = ints ? "intValue()I" : "longValue()J";
            String valueOf = ints ? "valueOf(I)Ljava/lang/Integer;" : "valueOf(J)Ljava/lang/Long;";
            if (code.length != 13) {
                return KnownFunctions.Sum.NONE;
            }
            int first = code[0] & 0xff;
            boolean shape =
                    (first == ALOAD_0 || first == ALOAD_1)
                            && (code[4] & 0xff) == (first == ALOAD_0 ? ALOAD_1 : ALOAD_0)
                            && (code[1] & 0xff) == INVOKEVIRTUAL
                            && (code[5] & 0xff) == INVOKEVIRTUAL
                            && (code[8] & 0xff) == (ints ? IADD : LADD)
                            && (code[9] & 0xff) == INVOKESTATIC
                            && (code[12] & 0xff) == ARETURN;
            if (shape
                    && pool.methodRef(u2(code, 2)).equals(box + "." + unbox)
                    && pool.methodRef(u2(code, 6)).equals(box + "." + unbox)
                    && pool.methodRef(u2(code, 10)).equals(box + "." + valueOf)) {
                return ints ? KnownFunctions.Sum.INT : KnownFunctions.Sum.LONG;
            }
            return KnownFunctions.Sum.NONE;
        } catch (IOException | RuntimeException e) {
            return KnownFunctions.Sum.NONE;
        }
    }

    private record Code(byte[] bytes, ConstantPool pool) {}

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** The Code attribute's bytes of {@code method} with {@code descriptor}, or null. */
    private static Code codeOf(DataInputStream in, String method, String descriptor)
            throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return null;
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        ConstantPool pool = new ConstantPool(in);
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipNBytes(6);
            skipAttributes(in);
        }
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            in.readUnsignedShort();
            String name = pool.utf8(in.readUnsignedShort());
            String desc = pool.utf8(in.readUnsignedShort());
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attr = pool.utf8(in.readUnsignedShort());
                int length = in.readInt();
                if (attr.equals("Code") && name.equals(method) && desc.equals(descriptor)) {
                    in.readUnsignedShort(); // max stack
                    in.readUnsignedShort(); // max locals
                    byte[] code = new byte[in.readInt()];
                    in.readFully(code);
                    return new Code(code, pool);
                }
                in.skipNBytes(length);
            }
        }
        return null;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }

    /** Just enough of a class file's constant pool to name method references. */
    private static final class ConstantPool {
        private final Object[] entries;

        ConstantPool(DataInputStream in) throws IOException {
            int count = in.readUnsignedShort();
            entries = new Object[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> entries[i] = in.readUTF();
                    case 7, 8, 16, 19, 20 -> entries[i] = new int[] {in.readUnsignedShort()};
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 9, 10, 11, 12, 17, 18 ->
                            entries[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }

        String utf8(int index) {
            return (String) entries[index];
        }

        /** {@code owner.name(descriptor)} of a Methodref entry. */
        String methodRef(int index) {
            int[] ref = (int[]) entries[index];
            String owner = utf8(((int[]) entries[ref[0]])[0]);
            int[] nameAndType = (int[]) entries[ref[1]];
            return owner + "." + utf8(nameAndType[0]) + utf8(nameAndType[1]);
        }
    }
}
