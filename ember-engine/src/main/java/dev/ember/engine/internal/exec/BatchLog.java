package dev.ember.engine.internal.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of every batch's offset ranges, written when the batch is cut and before it runs, so that
 * after a crash the batches since the last checkpoint are recomputed with exactly their original
 * contents from sources that can read ranges again (what Spark's metadata checkpoint does for its
 * batches). Format in docs/checkpointing.md.
 *
 * <p>Design: segments {@code batches-<n>.log} of framed records (length, payload, CRC-32C), each
 * payload a batch time and each input's name and range; every append is forced to disk. A new
 * segment starts at each checkpoint's capture and at each start, so old segments can go once no
 * kept checkpoint needs them, and a torn last record of a crashed run only ends its own segment.
 * Reading stops a segment at its first record that does not verify, with a warning.
 *
 * <p>Threads: appends come from the scheduler (under the execution's cut lock), rotation from the
 * job thread under the same lock, pruning from the checkpoint writer.
 */
final class BatchLog {
    private static final Logger LOG = LoggerFactory.getLogger(BatchLog.class);
    private static final Pattern NAME = Pattern.compile("batches-(\\d+)\\.log");

    /** One logged batch. */
    record Entry(long time, List<Snapshot.PendingCut> cuts) {}

    private final Path directory;
    private FileChannel current;
    private long nextSegment;

    BatchLog(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        long highest = 0;
        for (Path segment : segments()) {
            highest = Math.max(highest, number(segment));
        }
        nextSegment = highest + 1;
    }

    /** Appends the batch at {@code time} with its ranges, and forces it to disk. */
    synchronized void append(long time, List<Snapshot.PendingCut> cuts) throws IOException {
        if (current == null) {
            Path segment = directory.resolve("batches-" + nextSegment++ + ".log");
            current =
                    FileChannel.open(
                            segment,
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE,
                            StandardOpenOption.APPEND);
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(64);
        DataOutputStream out = new DataOutputStream(payload);
        out.writeLong(time);
        out.writeInt(cuts.size());
        for (Snapshot.PendingCut cut : cuts) {
            writeString(out, cut.input());
            writeString(out, cut.from());
            writeString(out, cut.to());
        }
        byte[] bytes = payload.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        ByteBuffer frame = ByteBuffer.allocate(4 + bytes.length + 8);
        frame.putInt(bytes.length).put(bytes).putLong(crc.getValue()).flip();
        while (frame.hasRemaining()) {
            current.write(frame);
        }
        current.force(false);
    }

    /** Ends the current segment: the next append starts a new one. */
    synchronized void rotate() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Every logged batch after {@code time}, in time order, over every segment. */
    List<Entry> after(long time) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Path segment : segments()) {
            for (Entry e : read(segment)) {
                if (e.time() > time) {
                    entries.add(e);
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::time));
        List<Entry> distinct = new ArrayList<>();
        for (Entry e : entries) {
            if (distinct.isEmpty() || distinct.get(distinct.size() - 1).time() != e.time()) {
                distinct.add(e);
            } else {
                distinct.set(distinct.size() - 1, e);
            }
        }
        return distinct;
    }

    /** Removes the segments whose every batch is at or before {@code time}. */
    synchronized void pruneUpTo(long time) throws IOException {
        for (Path segment : segments()) {
            if (current != null && segment.equals(currentPath())) {
                continue;
            }
            List<Entry> entries = read(segment);
            long last = entries.isEmpty() ? Long.MIN_VALUE : entries.get(entries.size() - 1).time();
            if (last <= time) {
                Files.deleteIfExists(segment);
            }
        }
    }

    /** Removes every segment: the program starts without saved state. */
    synchronized void clear() throws IOException {
        rotate();
        for (Path segment : segments()) {
            Files.deleteIfExists(segment);
        }
    }

    synchronized void close() {
        try {
            rotate();
        } catch (IOException e) {
            LOG.debug("closing the batch log: {}", e.toString());
        }
    }

    private Path currentPath() {
        return directory.resolve("batches-" + (nextSegment - 1) + ".log");
    }

    private List<Path> segments() throws IOException {
        List<Path> segments = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "batches-*.log")) {
            for (Path p : entries) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    segments.add(p);
                }
            }
        }
        segments.sort(Comparator.comparingLong(BatchLog::number));
        return segments;
    }

    private static long number(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private static List<Entry> read(Path segment) throws IOException {
        byte[] all = Files.readAllBytes(segment);
        ByteBuffer in = ByteBuffer.wrap(all);
        List<Entry> entries = new ArrayList<>();
        while (in.remaining() >= 4) {
            int length = in.getInt();
            if (length < 0 || in.remaining() < length + 8) {
                LOG.warn(
                        "The batch log {} ends in a torn record ({} bytes left); the batches"
                                + " before it are used",
                        segment,
                        in.remaining() + 4);
                break;
            }
            byte[] payload = new byte[length];
            in.get(payload);
            long stored = in.getLong();
            CRC32C crc = new CRC32C();
            crc.update(payload);
            if (crc.getValue() != stored) {
                LOG.warn(
                        "The batch log {} holds a record that does not verify; the batches"
                                + " before it are used",
                        segment);
                break;
            }
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(payload));
            long time = data.readLong();
            List<Snapshot.PendingCut> cuts = new ArrayList<>();
            for (int c = data.readInt(); c > 0; c--) {
                cuts.add(
                        new Snapshot.PendingCut(
                                readString(data), readString(data), readString(data)));
            }
            entries.add(new Entry(time, cuts));
        }
        return entries;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
