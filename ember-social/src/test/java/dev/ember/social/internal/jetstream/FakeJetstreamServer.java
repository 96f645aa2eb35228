package dev.ember.social.internal.jetstream;

import dev.ember.social.internal.JsonFields;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Jetstream instance on loopback that speaks the legacy {@code /subscribe} wire: it requires
 * {@code wantedCollections=app.bsky.feed.post}, honours {@code cursor} (events with {@code time_us
 * >= cursor}, all of them without one) and sends each event as one text frame. What each connection
 * does is scripted in order ({@link #then}); unscripted connections get every event and stay open.
 */
final class FakeJetstreamServer extends WebSocketServer implements AutoCloseable {

    /** What one connection does. */
    sealed interface Script permits SendAll, SendThenClose, SendFragmented, Silent {}

    /** Sends the matching events and stays open. */
    record SendAll() implements Script {}

    /** Sends the first {@code events} matching events, then closes with code 1011. */
    record SendThenClose(int events) implements Script {}

    /** Sends the matching events, each split into fragments of at most {@code bytes} bytes. */
    record SendFragmented(int bytes) implements Script {}

    /** Sends nothing and answers no ping: a dead peer behind a live TCP connection. */
    record Silent() implements Script {}

    private final List<String> events;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private FakeJetstreamServer(List<String> events) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.events = List.copyOf(events);
        setConnectionLostTimeout(0);
        setReuseAddr(true);
    }

    static FakeJetstreamServer start(List<String> events) throws InterruptedException {
        FakeJetstreamServer server = new FakeJetstreamServer(events);
        server.start();
        if (!server.started.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the fake Jetstream server did not start");
        }
        return server;
    }

    /** Scripts the next unscripted connection. */
    synchronized FakeJetstreamServer then(Script script) {
        scripts.add(script);
        return this;
    }

    URI endpoint() {
        return URI.create("ws://127.0.0.1:" + getPort() + "/subscribe");
    }

    /** The request paths with their queries, one per connection, in order. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    /** Waits until {@code n} connections were opened. */
    synchronized void awaitConnections(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(requests.size() + " connections, expected " + n);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        Script script;
        synchronized (this) {
            requests.add(resource);
            script = scripts.isEmpty() ? new SendAll() : scripts.poll();
            notifyAll();
        }
        conn.setAttachment(script);
        Map<String, String> query = query(URI.create(resource).getRawQuery());
        if (!JetstreamParser.COLLECTION.equals(query.get("wantedCollections"))) {
            conn.close(1008, "wantedCollections must be app.bsky.feed.post");
            return;
        }
        List<String> matching = matching(query.get("cursor"));
        if (script instanceof Silent) {
            return;
        }
        if (script instanceof SendThenClose s) {
            matching.stream().limit(s.events()).forEach(conn::send);
            conn.close(1011, "synthetic failure");
        } else if (script instanceof SendFragmented f) {
            for (String event : matching) {
                byte[] utf8 = event.getBytes(StandardCharsets.UTF_8);
                for (int at = 0; at < utf8.length; at += f.bytes()) {
                    int end = Math.min(utf8.length, at + f.bytes());
                    conn.sendFragmentedFrame(
                            Opcode.TEXT, ByteBuffer.wrap(utf8, at, end - at), end == utf8.length);
                }
            }
        } else {
            matching.forEach(conn::send);
        }
    }

    private List<String> matching(String cursor) {
        if (cursor == null) {
            return new ArrayList<>(events);
        }
        long from = Long.parseLong(cursor);
        List<String> matching = new ArrayList<>();
        for (String event : events) {
            long time = JsonFields.longValue(JsonFields.MAPPER.readTree(event), "time_us", -1);
            if (time >= from) {
                matching.add(event);
            }
        }
        return matching;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            query.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata frame) {
        if (!(conn.getAttachment() instanceof Silent)) {
            super.onWebsocketPing(conn, frame);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
