package dev.ember.engine.internal.exec;

import dev.ember.streaming.CheckpointException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the local runner keeps across batches, as of the end of one batch, in a versioned
 * binary form (documented in docs/engine.md): a header, each input's offset, the batches cut but
 * not yet run with their offset ranges, and one length-prefixed section per piece of state, keyed
 * by the stable name of its stream, so that a reader skips what it does not know.
 *
 * @param appName the program's name (informational)
 * @param batchDuration the batch interval, in milliseconds
 * @param zeroTime the time batch times count from
 * @param lastCompleted the time of the last batch the state includes
 * @param serializer the name of the state serializer that wrote the values
 * @param inputs each input's offset after the last completed batch
 * @param pending the batches cut but not run at that moment, in time order
 * @param sections the state, by stream and role
 */
record Snapshot(
        String appName,
        long batchDuration,
        long zeroTime,
        long lastCompleted,
        String serializer,
        List<InputOffset> inputs,
        List<PendingBatch> pending,
        Map<StateKey, Section> sections) {

    static final int FORMAT_VERSION = 1;
    private static final byte[] MAGIC = "EMBERSNP".getBytes(StandardCharsets.US_ASCII);

    /** An input's offset after the last completed batch, and what the input can replay. */
    record InputOffset(String name, String replay, String offset) {}

    /** An input's part of a pending batch. */
    record PendingCut(String input, String from, String to) {}

    /** A batch cut but not yet run. */
    record PendingBatch(long time, List<PendingCut> cuts) {}

    /** One piece of a stream's state: its kind, format version and shape, and its bytes. */
    record Section(
            StateKey key, String kind, int version, Map<String, String> shape, byte[] data) {}

    void writeTo(OutputStream target) throws IOException {
        DataOutputStream out = new DataOutputStream(target);
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(appName);
        out.writeLong(batchDuration);
        out.writeLong(zeroTime);
        out.writeLong(lastCompleted);
        out.writeUTF(serializer);
        out.writeInt(inputs.size());
        for (InputOffset input : inputs) {
            out.writeUTF(input.name());
            out.writeUTF(input.replay());
            writeNullable(out, input.offset());
        }
        out.writeInt(pending.size());
        for (PendingBatch batch : pending) {
            out.writeLong(batch.time());
            out.writeInt(batch.cuts().size());
            for (PendingCut cut : batch.cuts()) {
                out.writeUTF(cut.input());
                writeNullable(out, cut.from());
                writeNullable(out, cut.to());
            }
        }
        out.writeInt(sections.size());
        for (Section section : sections.values()) {
            out.writeUTF(section.key().stream());
            out.writeUTF(section.key().role().name());
            out.writeUTF(section.kind());
            out.writeInt(section.version());
            Map<String, String> shape = new TreeMap<>(section.shape());
            out.writeInt(shape.size());
            for (Map.Entry<String, String> e : shape.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(section.data().length);
            out.write(section.data());
        }
        out.flush();
    }

    static Snapshot read(InputStream source, String origin) throws IOException {
        DataInputStream in = new DataInputStream(source);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CheckpointException(
                    origin + " is not an Ember snapshot: it does not start with EMBERSNP");
        }
        int version = in.readInt();
        if (version > FORMAT_VERSION) {
            throw new CheckpointException(
                    origin
                            + " has format version "
                            + version
                            + ", newer than this Ember's "
                            + FORMAT_VERSION
                            + "; run it with the Ember that wrote it, or a newer one");
        }
        String appName = in.readUTF();
        long batchDuration = in.readLong();
        long zeroTime = in.readLong();
        long lastCompleted = in.readLong();
        String serializer = in.readUTF();
        List<InputOffset> inputs = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            inputs.add(new InputOffset(in.readUTF(), in.readUTF(), readNullable(in)));
        }
        List<PendingBatch> pending = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            long time = in.readLong();
            List<PendingCut> cuts = new ArrayList<>();
            for (int c = in.readInt(); c > 0; c--) {
                cuts.add(new PendingCut(in.readUTF(), readNullable(in), readNullable(in)));
            }
            pending.add(new PendingBatch(time, cuts));
        }
        Map<StateKey, Section> sections = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String name = in.readUTF();
            StateKey.Role role;
            try {
                role = StateKey.Role.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new CheckpointException(
                        origin + " holds state of a role this Ember does not know: " + e);
            }
            String kind = in.readUTF();
            int sectionVersion = in.readInt();
            Map<String, String> shape = new TreeMap<>();
            for (int s = in.readInt(); s > 0; s--) {
                shape.put(in.readUTF(), in.readUTF());
            }
            byte[] data = new byte[in.readInt()];
            in.readFully(data);
            StateKey key = new StateKey(name, role);
            sections.put(key, new Section(key, kind, sectionVersion, shape, data));
        }
        return new Snapshot(
                appName,
                batchDuration,
                zeroTime,
                lastCompleted,
                serializer,
                inputs,
                pending,
                sections);
    }

    /** An offset, which a source may make long (a set of files): length-prefixed UTF-8. */
    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readNullable(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Collects the bytes a section's capture writes. */
    static final class SectionBytes extends ByteArrayOutputStream {
        byte[] bytes() {
            return toByteArray();
        }
    }
}
