package dev.ember.social.internal.relay;

import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.Relay;
import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: an accept thread, a source thread started by the first client, and one writer thread
 * per client (see {@link ClientConnection}).
 *
 * <p>The source thread filters and encodes each post once and offers the bytes to every client's
 * bounded buffer, which never blocks it; so one slow client cannot hold up the source or the
 * others. Shutting down (close, or the source ending) is one path, run once: stop accepting, close
 * the source and wait for its thread, let every client drain its buffer for a bounded time, then
 * close the connections and release {@link #awaitTermination} waiters.
 */
public final class RelayServer {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private static final long DRAIN_MILLIS = 3000;

    private final PostSource source;
    private final KeywordFilter track;
    private final int clientBufferLines;
    private final Relay.Listener listener;
    private final ServerSocket serverSocket;
    private final List<ClientConnection> clients = new CopyOnWriteArrayList<>();
    private final AtomicBoolean sourceStarted = new AtomicBoolean();
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong sentByGoneClients = new AtomicLong();
    private final AtomicLong droppedByGoneClients = new AtomicLong();
    private volatile RuntimeException failure;
    private volatile Thread sourceThread;

    private RelayServer(
            PostSource source,
            KeywordFilter track,
            int clientBufferLines,
            Relay.Listener listener,
            ServerSocket serverSocket) {
        this.source = source;
        this.track = track;
        this.clientBufferLines = clientBufferLines;
        this.listener = listener;
        this.serverSocket = serverSocket;
    }

    public static RelayServer start(
            PostSource source,
            KeywordFilter track,
            String host,
            int port,
            int clientBufferLines,
            Relay.Listener listener) {
        ServerSocket serverSocket;
        try {
            serverSocket = new ServerSocket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the relay cannot listen on "
                            + host
                            + ":"
                            + port
                            + " ("
                            + e.getMessage()
                            + "); is another program using the port? Choose another one",
                    e);
        }
        RelayServer server =
                new RelayServer(source, track, clientBufferLines, listener, serverSocket);
        Thread accept = new Thread(server::acceptLoop, "ember-relay-accept-" + server.port());
        accept.setDaemon(true);
        accept.start();
        return server;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    private int port() {
        return serverSocket.getLocalPort();
    }

    public Relay.Stats stats() {
        long sent = sentByGoneClients.get();
        long dropped = droppedByGoneClients.get();
        int connected = 0;
        for (ClientConnection c : clients) {
            sent += c.sent();
            dropped += c.dropped();
            connected++;
        }
        return new Relay.Stats(
                received.get(), matched.get(), sent, dropped, connected, source.skippedCount());
    }

    private void acceptLoop() {
        while (!shutdown.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!shutdown.get()) {
                    LOG.error("relay on port {} stopped accepting clients", port(), e);
                    fail(new SourceException("the relay stopped accepting clients", e));
                }
                return;
            }
            ClientConnection client;
            try {
                client = new ClientConnection(socket, clientBufferLines, this::clientGone);
            } catch (IOException e) {
                LOG.warn("could not set up the connection from {}", socket, e);
                closeQuietly(socket);
                continue;
            }
            clients.add(client);
            listener.clientConnected(client.address());
            client.start();
            if (shutdown.get()) {
                // close() ran while this client was being set up: it must not be left open.
                client.drainAndClose(0);
            }
            if (sourceStarted.compareAndSet(false, true)) {
                Thread t = new Thread(this::runSource, "ember-relay-source-" + port());
                t.setDaemon(true);
                sourceThread = t;
                t.start();
            }
        }
    }

    private void runSource() {
        try {
            source.run(this::relay);
            if (!shutdown.get()) {
                LOG.info("source {} ended", source.description());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!shutdown.get()) {
                if (e instanceof SourceException) {
                    // The source says why it cannot go on; its stack trace would add nothing.
                    LOG.error("source {} stopped: {}", source.description(), e.getMessage());
                    failure = e;
                } else {
                    LOG.error("source {} failed", source.description(), e);
                    failure = new SourceException("source " + source.description() + " failed", e);
                }
            }
        }
        shutDown();
    }

    private void relay(Post post) {
        received.incrementAndGet();
        if (!track.matches(post)) {
            return;
        }
        matched.incrementAndGet();
        byte[] line = encode(post.text());
        for (ClientConnection client : clients) {
            client.offer(line);
        }
    }

    /** The text as one UTF-8 line: every line break inside it becomes a space. */
    static byte[] encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // CRLF becomes one space, written for the LF
            }
            boolean lineBreak =
                    c == '\n'
                            || c == '\r'
                            || c == '\u0085'
                            || c == '\u2028'
                            || c == '\u2029'
                            || c == '\u000B'
                            || c == '\u000C';
            sb.append(lineBreak ? ' ' : c);
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void clientGone(ClientConnection client) {
        if (clients.remove(client)) {
            sentByGoneClients.addAndGet(client.sent());
            droppedByGoneClients.addAndGet(client.dropped());
            listener.clientDisconnected(client.address(), client.sent(), client.dropped());
        }
    }

    private void fail(RuntimeException e) {
        failure = e;
        shutDown();
    }

    public void close() {
        shutDown();
    }

    private void shutDown() {
        if (!shutdown.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(serverSocket);
        source.close();
        Thread t = sourceThread;
        if (t != null && t != Thread.currentThread()) {
            // Let the post being relayed reach the buffers before they drain, so that every
            // matched post is either sent or counted as dropped.
            try {
                t.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        for (ClientConnection client : clients) {
            client.drainAndClose(
                    Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        terminated.countDown();
    }

    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        boolean done;
        if (timeoutMillis < 0) {
            terminated.await();
            done = true;
        } else {
            done = terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        RuntimeException f = failure;
        if (done && f != null) {
            throw f;
        }
        return done;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (SocketException ignored) {
            // already closed
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
