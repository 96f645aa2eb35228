package dev.ember.engine.internal.exec;

import dev.ember.streaming.CheckpointException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint files of one checkpoint directory (format in docs/checkpointing.md): {@code
 * checkpoint-<batch time>.ember}, each a magic, a file format version, the batch time, the length
 * of a {@link Snapshot} and the snapshot, and a CRC-32C of everything before it.
 *
 * <p>Writes are atomic and durable: the bytes go to a temporary file that is forced to disk, then
 * renamed over its final name, then the directory is forced, so a crash leaves either the old set
 * of files or the new one, never a half-written checkpoint under a checkpoint's name. Only the
 * newest {@code kept} checkpoints stay. Reading takes the newest checkpoint that verifies: a
 * corrupt or truncated one is reported in a warning naming the file, and the one before it is
 * tried; when every one is corrupt, the start fails, rather than silently starting empty.
 */
final class CheckpointStore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final byte[] MAGIC = "EMBERCKP".getBytes(StandardCharsets.US_ASCII);
    static final int FILE_VERSION = 1;
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)\\.ember");
    private static final String TEMPORARY = ".tmp";

    private final Path directory;
    private final int kept;

    CheckpointStore(Path directory, int kept) {
        this.directory = directory;
        this.kept = kept;
    }

    Path directory() {
        return directory;
    }

    /** A checkpoint read back: its file, and the snapshot it holds. */
    record Loaded(Path file, long batchTime, byte[] snapshot) {}

    /**
     * Writes the checkpoint of the batch at {@code batchTime}, then removes the oldest beyond the
     * kept number.
     *
     * @return the file written
     */
    Path write(long batchTime, byte[] snapshot) throws IOException {
        Files.createDirectories(directory);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(snapshot.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FILE_VERSION);
        out.writeLong(batchTime);
        out.writeInt(snapshot.length);
        out.write(snapshot);
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        Path file = directory.resolve("checkpoint-" + batchTime + ".ember");
        Path temporary = directory.resolve(file.getFileName() + TEMPORARY);
        try (FileChannel channel =
                FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "the file system of "
                            + directory
                            + " cannot rename atomically, so checkpoints"
                            + " there could be torn; use a local directory",
                    e);
        }
        forceDirectory();
        prune();
        return file;
    }

    /** The checkpoint files, newest first. */
    List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path p : entries) {
                if (NAME.matcher(p.getFileName().toString()).matches()) {
                    files.add(p);
                }
            }
        }
        files.sort(Comparator.comparingLong(CheckpointStore::timeOf).reversed());
        return files;
    }

    private static long timeOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The newest checkpoint that verifies, or null when the directory holds none.
     *
     * @throws CheckpointException when there are checkpoints and every one is corrupt
     */
    Loaded latest() {
        List<Path> files;
        try {
            files = files();
        } catch (IOException e) {
            throw new CheckpointException(
                    "Cannot list the checkpoint directory " + directory + ": " + e, e);
        }
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                Loaded loaded = read(file);
                if (!problems.isEmpty()) {
                    LOG.warn("Recovering from the older checkpoint {}", file);
                }
                return loaded;
            } catch (IOException e) {
                String problem = file + ": " + e.getMessage();
                problems.add(problem);
                LOG.warn(
                        "Checkpoint {} is corrupt or truncated ({}); trying the one before it",
                        file,
                        e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new CheckpointException(
                    "Every checkpoint in "
                            + directory
                            + " is corrupt, so the program cannot resume its state: "
                            + String.join("; ", problems)
                            + ". Restore the directory from a backup, or move it away to start"
                            + " with empty state");
        }
        return null;
    }

    /** Reads and verifies one checkpoint file. */
    static Loaded read(Path file) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException("the file is gone");
        }
        if (all.length < MAGIC.length + 4 + 8 + 4 + 8) {
            throw new IOException("only " + all.length + " bytes, shorter than any checkpoint");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("it does not start with EMBERCKP");
        }
        int version = in.readInt();
        if (version > FILE_VERSION) {
            throw new IOException(
                    "format version "
                            + version
                            + " is newer than this Ember's "
                            + FILE_VERSION
                            + "; run the Ember that wrote it");
        }
        long batchTime = in.readLong();
        int length = in.readInt();
        if (length < 0 || length > all.length - (MAGIC.length + 4 + 8 + 4 + 8)) {
            throw new IOException(
                    "it announces "
                            + length
                            + " bytes of state but holds "
                            + (all.length - (MAGIC.length + 4 + 8 + 4 + 8))
                            + ": truncated");
        }
        byte[] snapshot = new byte[length];
        try {
            in.readFully(snapshot);
        } catch (EOFException e) {
            throw new IOException("truncated");
        }
        long stored = in.readLong();
        CRC32C crc = new CRC32C();
        crc.update(all, 0, MAGIC.length + 4 + 8 + 4 + length);
        if (crc.getValue() != stored) {
            throw new IOException("its checksum does not match: the bytes were changed");
        }
        return new Loaded(file, batchTime, snapshot);
    }

    private void prune() throws IOException {
        List<Path> files = files();
        for (int i = kept; i < files.size(); i++) {
            Files.deleteIfExists(files.get(i));
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + TEMPORARY)) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Forces the directory entry of a rename to disk, where the platform allows it. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open directories; the rename itself is still atomic there.
            LOG.debug("cannot force directory {}: {}", directory, e.toString());
        }
    }
}
