package dev.ember.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes decoded into a {@link Writer}: lets jobs, which print to a {@code PrintStream}, write
 * to the {@code PrintWriter} that {@link java.util.spi.ToolProvider} callers hand in. A character
 * split across two writes is kept until its last byte arrives. {@link #close()} does not close the
 * writer, which belongs to the caller.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder =
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(1024);
    private final CharBuffer chars = CharBuffer.allocate(1024);
    private boolean closed;

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
    }

    private void decode(boolean endOfInput) throws IOException {
        bytes.flip();
        CoderResult result;
        do {
            result = decoder.decode(bytes, chars, endOfInput);
            drainChars();
        } while (result.isOverflow());
        bytes.compact();
    }

    private void drainChars() throws IOException {
        writer.write(chars.array(), 0, chars.position());
        chars.clear();
    }

    @Override
    public synchronized void flush() throws IOException {
        writer.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        decode(true);
        while (decoder.flush(chars).isOverflow()) {
            drainChars();
        }
        drainChars();
        writer.flush();
        closed = true;
    }
}
