package dev.ember.social.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/*
 * A streamed HTTP response body read as UTF-8 lines, with an idle timeout: the body subscriber
 * for X's filtered stream and Mastodon's server-sent events.
 *
 * Why not BodyHandlers.ofLines() or ofInputStream(): a blocking read there cannot time out, and
 * both streams must be abandoned when nothing (not even a keep-alive) arrives for a while. Here
 * the HTTP client pushes chunks into a queue that the reading thread polls with the idle timeout,
 * which is the reader/parser FIFO that X recommends. One chunk is requested at a time, and the
 * next only once the reader has taken the previous one, so a slow reader stops the socket reads
 * and TCP pushes back on the server (bounded memory: one chunk plus one unfinished line).
 *
 * getBody() completes at once, so HttpClient.send returns as soon as the headers are in. cancel()
 * may be called from any thread (close(), an idle timeout) and wakes a waiting reader. Lines end
 * with \n or \r\n; a line longer than maxLineBytes is dropped and counted. The reading methods are
 * for one thread at a time.
 */
public final class HttpLines implements HttpResponse.BodySubscriber<HttpLines> {
    private static final Object END = new Object();
    private static final Object CANCELLED = new Object();

    private final int maxLineBytes;
    private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private volatile boolean cancelled;

    // Reader side only.
    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private int scanned; // bytes in [start, scanned) hold no '\n'
    private boolean ended;
    private boolean discarding;
    private long oversizedLines;
    private long oversizedReported;

    public HttpLines(int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (cancelled) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        chunks.add(throwable);
    }

    @Override
    public void onComplete() {
        chunks.add(END);
    }

    @Override
    public CompletionStage<HttpLines> getBody() {
        return CompletableFuture.completedStage(this);
    }

    /** Stops the body: the connection is released and a waiting reader wakes with an error. */
    public void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
        chunks.add(CANCELLED);
    }

    /** Lines dropped so far for being longer than the limit. */
    public long oversizedLines() {
        return oversizedLines;
    }

    /**
     * Counts in {@code skips}, at {@code position}, the lines dropped for being too long since the
     * last call: the reader of each line calls it after taking the line.
     */
    public void reportOversized(SkipLog skips, String position) {
        if (oversizedLines != oversizedReported) {
            oversizedReported = oversizedLines;
            skips.skip("line longer than " + maxLineBytes + " bytes", position, "");
        }
    }

    /**
     * The next line without its terminator, or null at the end of the body (an unfinished last line
     * is returned first).
     *
     * @throws StreamIdleException when no bytes arrived for {@code idle}
     * @throws IOException when the connection failed or the body was cancelled
     */
    public String readLine(Duration idle) throws IOException, InterruptedException {
        while (true) {
            String line = nextBufferedLine();
            if (line != null) {
                return line;
            }
            if (ended) {
                if (end > start && !discarding) {
                    String last = decode(start, end);
                    start = end = scanned = 0;
                    return last;
                }
                start = end = scanned = 0;
                discarding = false;
                return null;
            }
            if (!take(idle)) {
                throw new StreamIdleException(idle);
            }
        }
    }

    /**
     * The whole remaining body (such as an error's JSON), at most {@code maxBytes} of it, waiting
     * at most {@code timeout} in all; what arrived so far when the time or the size runs out.
     */
    public String readRest(int maxBytes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!ended && end - start < maxBytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !take(Duration.ofNanos(left))) {
                    break;
                }
            }
        } catch (IOException e) {
            // keep what arrived before the failure
        }
        String text = decode(start, Math.min(end, start + maxBytes));
        start = end = scanned = 0;
        return text;
    }

    /** Takes one chunk into the buffer; false on timeout. */
    private boolean take(Duration idle) throws IOException, InterruptedException {
        Object chunk = chunks.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
        if (chunk == null) {
            return false;
        }
        if (chunk == END) {
            ended = true;
            return true;
        }
        if (chunk == CANCELLED) {
            chunks.add(CANCELLED); // every later read fails the same way
            throw new IOException("stream closed");
        }
        if (chunk instanceof Throwable t) {
            chunks.add(t);
            throw t instanceof IOException io ? io : new IOException(t.toString(), t);
        }
        @SuppressWarnings("unchecked")
        List<ByteBuffer> buffers = (List<ByteBuffer>) chunk;
        for (ByteBuffer b : buffers) {
            append(b);
        }
        Flow.Subscription s = subscription.get();
        if (s != null && !cancelled) {
            s.request(1);
        }
        return true;
    }

    private void append(ByteBuffer b) {
        int n = b.remaining();
        if (n == 0) {
            return;
        }
        if (end + n > buf.length) {
            int live = end - start;
            if (live + n <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                int size = Math.max(buf.length * 2, live + n);
                byte[] bigger = new byte[size];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            }
            scanned -= start;
            start = 0;
            end = live;
        }
        b.get(buf, end, n);
        end += n;
    }

    private String nextBufferedLine() {
        while (true) {
            int nl = -1;
            for (int k = Math.max(scanned, start); k < end; k++) {
                if (buf[k] == '\n') {
                    nl = k;
                    break;
                }
            }
            if (nl < 0) {
                scanned = end;
                if (end - start > maxLineBytes) {
                    if (!discarding) {
                        oversizedLines++;
                        discarding = true;
                    }
                    start = end = scanned = 0;
                    shrink();
                }
                return null;
            }
            int lineEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
            int lineStart = start;
            start = nl + 1;
            scanned = start;
            if (discarding) {
                discarding = false;
                continue;
            }
            if (lineEnd - lineStart > maxLineBytes) {
                oversizedLines++;
                continue;
            }
            return decode(lineStart, lineEnd);
        }
    }

    private void shrink() {
        if (buf.length > 64 * 1024) {
            buf = Arrays.copyOf(buf, 8192);
        }
    }

    private String decode(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
}
