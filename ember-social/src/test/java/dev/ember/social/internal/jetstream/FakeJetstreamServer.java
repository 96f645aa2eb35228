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
 * does is scripted in order ({@link #then}); unscripted connections get every event and stay open,
 * and also get the events {@link #publish}ed while they are open, as the live stream.
 *
 * <p>{@link #startLive} makes an instance closer to the real one: a connection without a cursor
 * gets only the live stream, the events published after it opened. The events are its replay
 * window, which holds everything published: a cursor replays them from there on, then goes on live.
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

    private final List<String> events; // guarded by this
    private final boolean liveTail;
    private final List<WebSocket> live = new ArrayList<>(); // guarded by this
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<String> requests = new ArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private FakeJetstreamServer(List<String> events, boolean liveTail) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.events = new ArrayList<>(events);
        this.liveTail = liveTail;
        setConnectionLostTimeout(0);
        setReuseAddr(true);
    }

    static FakeJetstreamServer start(List<String> events) throws InterruptedException {
        return start(new FakeJetstreamServer(events, false));
    }

    /** An instance with nothing stored yet, whose connections without a cursor tail it live. */
    static FakeJetstreamServer startLive() throws InterruptedException {
        return start(new FakeJetstreamServer(List.of(), true));
    }

    private static FakeJetstreamServer start(FakeJetstreamServer server)
            throws InterruptedException {
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

    /** Stores {@code more} events and sends them to every connection tailing the live stream. */
    synchronized void publish(List<String> more) {
        events.addAll(more);
        for (WebSocket conn : live) {
            more.forEach(conn::send);
        }
    }

    /** Closes every open connection with code 1011, as an instance that restarts does. */
    synchronized void disconnectAll() {
        for (WebSocket conn : live) {
            conn.close(1011, "synthetic restart");
        }
        live.clear();
    }

    /** Waits until {@code n} connections tail the live stream. */
    synchronized void awaitLive(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (live.size() != n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(
                        live.size() + " connections tail the stream, expected " + n);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
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
        Map<String, String> query = query(URI.create(resource).getRawQuery());
        boolean wanted = JetstreamParser.COLLECTION.equals(query.get("wantedCollections"));
        Script script;
        // A connection counts once it tails the live stream, so that a test which waits for it
        // and then publishes reaches it.
        synchronized (this) {
            script = scripts.isEmpty() ? new SendAll() : scripts.poll();
            conn.setAttachment(script);
            if (wanted && script instanceof SendAll) {
                matching(query.get("cursor")).forEach(conn::send);
                live.add(conn);
            }
            requests.add(resource);
            notifyAll();
        }
        if (!wanted) {
            conn.close(1008, "wantedCollections must be app.bsky.feed.post");
            return;
        }
        if (script instanceof Silent || script instanceof SendAll) {
            return;
        }
        List<String> matching;
        synchronized (this) {
            matching = matching(query.get("cursor"));
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
        }
    }

    private List<String> matching(String cursor) {
        if (cursor == null) {
            return liveTail ? new ArrayList<>() : new ArrayList<>(events);
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
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (this) {
            live.remove(conn);
            notifyAll();
        }
    }

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
