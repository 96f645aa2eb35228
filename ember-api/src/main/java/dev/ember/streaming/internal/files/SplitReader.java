package dev.ember.streaming.internal.files;

import dev.ember.spi.SourceContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/*
 * Reads the lines of one item: the lines that start in bytes [from, to) of a file, as Hadoop's
 * line reader splits a file. A line is the bytes up to a '\n' (dropped, with a '\r' before it) or
 * up to the end of the file as it was taken; the item that holds a line's first byte delivers it
 * whole, even when it runs past the item's end, so the items of a file deliver each line exactly
 * once. An item that does not start at 0 begins after the first '\n' at or after its start - 1.
 *
 * A line longer than maxLineBytes, or one that is not valid UTF-8, is skipped and reported; a
 * UTF-8 byte order mark at the start of a file is dropped. Reads go through one 64 KiB buffer, and
 * only a line that crosses a buffer's end is copied, into a carry that grows up to the line limit.
 *
 * Not thread-safe: the thread that runs batches owns it.
 */
final class SplitReader {
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int SAMPLE_BYTES = 16;

    private final int maxLineBytes;
    private final SourceContext context;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final CharsetDecoder decoder =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] carry = new byte[256];
    private FileChannel channel;
    private long bufferStart;
    private int bufferLength;
    private long end;

    SplitReader(int maxLineBytes, SourceContext context) {
        this.maxLineBytes = maxLineBytes;
        this.context = context;
    }

    /**
     * Adds the lines of {@code item} to {@code lines}, reading {@code channel} no further than
     * {@code end} (the file's size when taken, or less when it shrank since).
     *
     * @param where the file, for messages
     */
    void read(FileChannel channel, Item item, long end, List<String> lines, String where)
            throws IOException {
        this.channel = channel;
        this.end = end;
        this.bufferStart = 0;
        this.bufferLength = 0;
        long pos = item.from();
        if (pos > 0) {
            if (pos > end) {
                return;
            }
            pos = lineStartAtOrAfter(pos);
        }
        while (pos < item.to() && pos < end) {
            pos = readLine(pos, lines, where);
        }
        if (carry.length > BUFFER_BYTES) {
            carry = new byte[256];
        }
        this.channel = null;
    }

    /** The first line start at or after {@code pos} (> 0): after the first '\n' from pos - 1. */
    private long lineStartAtOrAfter(long pos) throws IOException {
        long p = pos - 1;
        while (p < end) {
            int i = at(p);
            int n = available();
            for (int j = i; j < n; j++) {
                if (buffer[j] == '\n') {
                    return bufferStart + j + 1;
                }
            }
            p = bufferStart + n;
        }
        return end;
    }

    /** Reads the line that starts at {@code start}; returns where the next one starts. */
    private long readLine(long start, List<String> lines, String where) throws IOException {
        int i = at(start);
        int n = available();
        int newline = indexOfNewline(i, n);
        if (newline >= 0) {
            emit(buffer, i, newline - i, true, start, lines, where);
            return bufferStart + newline + 1;
        }
        // The line crosses the buffer's end: gather it in the carry.
        int length = 0;
        long skipped = -1;
        long pos = start;
        boolean terminated = false;
        while (pos < end) {
            i = at(pos);
            n = available();
            newline = indexOfNewline(i, n);
            int chunkEnd = newline >= 0 ? newline : n;
            int chunk = chunkEnd - i;
            if (skipped < 0 && (long) length + chunk > maxLineBytes + 1L) {
                skipped = length;
            }
            if (skipped >= 0) {
                skipped += chunk;
            } else {
                if (length + chunk > carry.length) {
                    carry = Arrays.copyOf(carry, Math.max(length + chunk, carry.length * 2));
                }
                System.arraycopy(buffer, i, carry, length, chunk);
                length += chunk;
            }
            pos = bufferStart + chunkEnd;
            if (newline >= 0) {
                pos++;
                terminated = true;
                break;
            }
        }
        if (skipped >= 0) {
            tooLong(start, skipped, where);
        } else {
            emit(carry, 0, length, terminated, start, lines, where);
        }
        return pos;
    }

    private void emit(
            byte[] bytes,
            int from,
            int length,
            boolean terminated,
            long start,
            List<String> lines,
            String where) {
        if (terminated && length > 0 && bytes[from + length - 1] == '\r') {
            length--;
        }
        if (start == 0
                && length >= 3
                && bytes[from] == (byte) 0xEF
                && bytes[from + 1] == (byte) 0xBB
                && bytes[from + 2] == (byte) 0xBF) {
            from += 3;
            length -= 3;
        }
        if (length > maxLineBytes) {
            tooLong(start, length, where);
            return;
        }
        boolean ascii = true;
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            lines.add(new String(bytes, from, length, StandardCharsets.ISO_8859_1));
            return;
        }
        decoder.reset();
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position() - from;
            context.skipped(
                    "line is not valid UTF-8",
                    where
                            + ", line at byte "
                            + start
                            + ": bytes "
                            + hex(bytes, in.position(), Math.min(result.length(), SAMPLE_BYTES))
                            + " at byte "
                            + (start + bad));
            return;
        }
        decoder.flush(out);
        out.flip();
        lines.add(out.toString());
    }

    private void tooLong(long start, long length, String where) {
        context.skipped(
                "line longer than " + maxLineBytes + " bytes",
                where + ", line at byte " + start + " (" + length + " bytes or more)");
    }

    /** Makes the buffer hold {@code pos}; returns its index there. */
    private int at(long pos) throws IOException {
        if (pos < bufferStart || pos >= bufferStart + bufferLength) {
            fill(pos);
        }
        return (int) (pos - bufferStart);
    }

    /** How much of the buffer lies before the end. */
    private int available() {
        return (int) Math.min(bufferLength, end - bufferStart);
    }

    private void fill(long pos) throws IOException {
        bufferStart = pos;
        bufferLength = 0;
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, end - pos));
        while (target.hasRemaining()) {
            int n = channel.read(target, pos + target.position());
            if (n < 0) {
                // The file shrank under the read: what is left ends here.
                end = pos + target.position();
                break;
            }
        }
        bufferLength = target.position();
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String hex(byte[] bytes, int from, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + Math.max(1, length) && i < bytes.length; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("0x%02x", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
