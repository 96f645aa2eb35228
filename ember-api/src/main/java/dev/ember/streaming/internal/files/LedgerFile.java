package dev.ember.streaming.internal.files;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/*
 * The ledger's file: records appended and fsynced at each cut, read back at a restart, rewritten
 * whole (temporary file, fsync, rename, directory fsync) when compacted.
 *
 * Reading tolerates a torn end: a crash during an append leaves at most the last line incomplete
 * or with a wrong checksum, and such a line is dropped. A bad line followed by good ones is
 * corruption, which reading reports with the line number instead of guessing.
 */
final class LedgerFile implements Closeable {
    static final String NAME = "files.ledger";

    private final Path file;
    private FileChannel append;
    private long size;

    LedgerFile(Path stateDirectory) {
        this.file = stateDirectory.resolve(NAME);
    }

    Path path() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The bytes appended since the last rewrite, plus what the rewrite wrote. */
    long size() {
        return size;
    }

    /** Receives the records of a ledger in order. */
    interface RecordSink {
        void accept(LedgerRecord record, long lineNumber) throws IOException;
    }

    /**
     * Passes every record of the file to {@code sink}, dropping a torn last line. May be called
     * inside {@link #rewrite}, which replaces the file only at its end.
     *
     * @throws CorruptLedgerException when a line other than the last is not a valid record
     */
    void read(RecordSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            long number = 0;
            String pending = null;
            long pendingLine = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    number++;
                    if (pending != null) {
                        throw new CorruptLedgerException(file, pendingLine, pending);
                    }
                    byte[] bytes = line.toByteArray();
                    line.reset();
                    LedgerRecord record;
                    try {
                        record = LedgerRecord.decode(bytes, 0, bytes.length);
                    } catch (IllegalArgumentException e) {
                        pending = e.getMessage();
                        pendingLine = number;
                        continue;
                    }
                    sink.accept(record, number);
                }
            }
            // A last line without its newline, or a bad last line, is the torn end of an append.
        }
    }

    /** Appends {@code records} and forces them to the device before returning. */
    void append(List<LedgerRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * 96);
        for (LedgerRecord record : records) {
            bytes.writeBytes(LedgerRecord.encode(record));
        }
        if (append == null) {
            append = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
        while (buffer.hasRemaining()) {
            append.write(buffer);
        }
        append.force(false);
        size += bytes.size();
    }

    /** Writes one record at a time into a rewrite of the ledger. */
    interface Writer {
        void write(LedgerRecord record) throws IOException;
    }

    /** What a rewrite writes. */
    interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /**
     * Replaces the file with what {@code content} writes, atomically: a crash leaves either the old
     * file or the new one.
     */
    void rewrite(Content content) throws IOException {
        closeAppend();
        Path temporary = file.resolveSibling(NAME + ".tmp");
        long[] written = {0};
        try (FileChannel channel =
                        FileChannel.open(
                                temporary,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.TRUNCATE_EXISTING,
                                StandardOpenOption.WRITE);
                OutputStream out =
                        new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            content.writeTo(
                    record -> {
                        byte[] line = LedgerRecord.encode(record);
                        out.write(line);
                        written[0] += line.length;
                    });
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(file.getParent());
        size = written[0];
    }

    /** Makes a rename in {@code directory} durable; a no-op where directories cannot be opened. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its renames are durable once the call returns.
        }
    }

    private void closeAppend() throws IOException {
        if (append != null) {
            append.close();
            append = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeAppend();
    }

    /** A ledger line that is not a valid record, followed by more lines. */
    static final class CorruptLedgerException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptLedgerException(Path file, long line, String problem) {
            super("line " + line + " of " + file + " is not a valid record (" + problem + ")");
        }
    }
}
