package dev.ember.social.internal.jetstream;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/*
 * One WebSocket connection to Jetstream, turned into a queue of events that the source's run
 * thread takes one at a time.
 *
 * Flow control: the JDK WebSocket delivers a message only when one was requested. A fragment of a
 * text message (last == false) is appended and the next fragment requested here at once; a whole
 * message, a ping or a pong is queued and the run thread requests the next one only after it has
 * handled it, so a slow sink stops the reads and TCP pushes back on the server. The queue therefore
 * holds at most one message plus the final close or error. Pings are answered by the JDK.
 *
 * abort() may be called from any thread (close(), an idle timeout): it aborts the socket, even one
 * whose opening handshake is still running, and wakes the run thread.
 */
final class JetstreamConnection implements WebSocket.Listener {
    sealed interface Event permits Opened, Text, Alive, Skipped, Closed, Failed {}

    record Opened() implements Event {}

    record Text(String message) implements Event {}

    /** A ping or pong: the peer is alive. */
    record Alive() implements Event {}

    /** A message the source cannot read (binary, too long), reason given. */
    record Skipped(String reason, String sample) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(Throwable error) implements Event {}

    private final int maxMessageChars;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private boolean oversized; // listener thread only
    private volatile WebSocket webSocket;
    private volatile boolean aborted;
    private volatile CompletableFuture<WebSocket> opening;

    JetstreamConnection(int maxMessageChars) {
        this.maxMessageChars = maxMessageChars;
    }

    void opening(CompletableFuture<WebSocket> future) {
        opening = future;
        future.whenComplete(
                (ws, error) -> {
                    if (error != null) {
                        events.add(new Failed(error));
                    } else if (aborted) {
                        ws.abort();
                    }
                });
        if (aborted) {
            future.cancel(true);
        }
    }

    /** The next event, or null when none came within the timeout. */
    Event next(long timeout, TimeUnit unit) throws InterruptedException {
        return events.poll(timeout, unit);
    }

    /** Asks for the next message, after the run thread handled one. */
    void requestNext() {
        WebSocket ws = webSocket;
        if (ws != null && !aborted) {
            ws.request(1);
        }
    }

    void ping() {
        WebSocket ws = webSocket;
        if (ws != null && !aborted) {
            ws.sendPing(ByteBuffer.allocate(0));
        }
    }

    void abort() {
        aborted = true;
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
        CompletableFuture<WebSocket> f = opening;
        if (f != null) {
            f.cancel(true);
        }
        events.add(new Closed(WebSocket.NORMAL_CLOSURE, "aborted"));
    }

    @Override
    public void onOpen(WebSocket ws) {
        webSocket = ws;
        if (aborted) {
            ws.abort();
            return;
        }
        events.add(new Opened());
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (!oversized) {
            if (text.length() + data.length() > maxMessageChars) {
                oversized = true;
                text.setLength(0);
            } else {
                text.append(data);
            }
        }
        if (last) {
            if (oversized) {
                events.add(
                        new Skipped("message longer than " + maxMessageChars + " characters", ""));
            } else {
                events.add(new Text(text.toString()));
            }
            text.setLength(0);
            if (text.capacity() > 64 * 1024) {
                text.trimToSize();
            }
            oversized = false;
        } else {
            ws.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        if (last) {
            events.add(
                    new Skipped(
                            "binary message (compression is not requested)",
                            data.remaining() + " bytes"));
        } else {
            ws.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
        events.add(new Alive());
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        events.add(new Alive());
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        events.add(new Failed(error));
    }
}
