package dev.ember.ui.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent event stream ({@code GET /api/events}) that pushes every completed batch and
 * every window to the open pages, so they update without reloading or polling.
 *
 * <p>Design: an event is encoded once and queued on each client; a client has at most one write in
 * flight (Jetty's asynchronous write; the next queued one starts from its callback), so no thread
 * blocks on a slow browser. A client whose queue passes {@link #CLIENT_BUFFER_BYTES} is
 * disconnected (its browser reconnects and reloads the state), which bounds the memory of every
 * client in bytes. At most {@link #MAX_CLIENTS} clients; a comment every {@link #HEARTBEAT_MILLIS}
 * keeps idle connections open and finds the ones that went away.
 *
 * <p>Threads: {@link #publish} is called from the listener and window threads, {@link #open} from
 * request threads; the clients' queues are guarded by their own locks.
 */
final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    static final int MAX_CLIENTS = 32;
    static final long CLIENT_BUFFER_BYTES = 1 << 20;
    static final long HEARTBEAT_MILLIS = 15_000;

    private static final byte[] OPENING =
            "retry: 2000\n: ember\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final DashboardMetrics metrics;
    private final ScheduledExecutorService heartbeat;
    private volatile boolean closed;

    EventHub(DashboardMetrics metrics) {
        this.metrics = metrics;
        this.heartbeat =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "ember-ui-heartbeat");
                            t.setDaemon(true);
                            return t;
                        });
        heartbeat.scheduleWithFixedDelay(
                () -> broadcast(HEARTBEAT),
                HEARTBEAT_MILLIS,
                HEARTBEAT_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Answers {@code request} with an event stream that stays open; the hub owns the callback. */
    void open(Request request, Response response, Callback callback) {
        if (closed || clients.size() >= MAX_CLIENTS) {
            Responses.error(
                    response,
                    callback,
                    HttpStatus.SERVICE_UNAVAILABLE_503,
                    "the dashboard already serves "
                            + MAX_CLIENTS
                            + " event streams; close some of its pages and reload");
            return;
        }
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        Client client = new Client(response, callback);
        clients.add(client);
        metrics.eventClients(clients.size());
        request.addFailureListener(client::failed);
        client.send(OPENING);
    }

    /** Sends event {@code event} with {@code json} as its data to every client. */
    void publish(String event, String json) {
        broadcast(
                ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    int clients() {
        return clients.size();
    }

    private void broadcast(byte[] bytes) {
        for (Client client : clients) {
            client.send(bytes);
        }
    }

    /** Ends every event stream and stops the heartbeat. */
    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        for (Client client : clients) {
            client.end();
        }
    }

    /** One open event stream. */
    private final class Client {
        private final Response response;
        private final Callback callback;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private long queued;
        private boolean writing;
        private boolean done;

        Client(Response response, Callback callback) {
            this.response = response;
            this.callback = callback;
        }

        void send(byte[] bytes) {
            synchronized (this) {
                if (done) {
                    return;
                }
                if (queued + bytes.length > CLIENT_BUFFER_BYTES) {
                    LOG.warn(
                            "dashboard event stream: a browser read too slowly ({} bytes"
                                    + " waiting); disconnected it, it reconnects by itself",
                            queued);
                    metrics.eventClientDropped();
                    finish(new IOException("event stream client read too slowly"));
                    return;
                }
                queue.addLast(bytes);
                queued += bytes.length;
                if (writing) {
                    return;
                }
                writing = true;
            }
            writeNext();
        }

        private void writeNext() {
            byte[] next;
            synchronized (this) {
                next = done ? null : queue.pollFirst();
                if (next == null) {
                    writing = false;
                    return;
                }
                queued -= next.length;
            }
            response.write(
                    false, ByteBuffer.wrap(next), Callback.from(this::writeNext, this::failed));
        }

        void failed(Throwable failure) {
            synchronized (this) {
                if (done) {
                    return;
                }
            }
            finish(failure);
        }

        /** Ends the stream normally, as the server stops. */
        void end() {
            finish(null);
        }

        /**
         * Completes the response: normally when no write is in flight, otherwise by failing it,
         * which aborts the connection (a second write while one is pending is not allowed).
         */
        private void finish(Throwable failure) {
            boolean inFlight;
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
                inFlight = writing;
                queue.clear();
                queued = 0;
            }
            clients.remove(this);
            metrics.eventClients(clients.size());
            if (failure == null && !inFlight) {
                response.write(true, BufferUtil.EMPTY_BUFFER, callback);
            } else {
                callback.failed(
                        failure != null ? failure : new IOException("the dashboard stopped"));
            }
        }
    }
}
