package dev.ember.social.internal.relay;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.Relay;
import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: a network thread that serves every client (see {@link NetworkLoop}) and a source
 * thread, started by the first client, that filters and encodes each post once and appends it to
 * the {@link LineLog} all clients read from. Appending never blocks, so a slow client cannot hold
 * up the source or the others, and the relay runs on two threads however many clients connect.
 *
 * <p>Shutting down (close, the source ending or failing) is one path, run once: stop accepting,
 * close the source and wait for its thread, so that the post being relayed reaches the log, then
 * let the network thread write what the clients still have pending for a bounded time, close the
 * connections and release {@link #awaitTermination} waiters. If the network thread itself fails
 * (anything but a client's I/O), the relay ends with that failure instead of living on unable to
 * serve anyone.
 */
public final class RelayServer {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private static final long DRAIN_MILLIS = 3000;

    private final PostSource source;
    private final KeywordFilter track;
    private final LineLog log;
    private final int port;
    private final InetSocketAddress address;
    private final AtomicBoolean sourceStarted = new AtomicBoolean();
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final NetworkLoop network;
    private final Thread networkThread;
    private volatile RuntimeException failure;
    private volatile Thread sourceThread;

    private RelayServer(
            PostSource source, Options options, ServerSocketChannel channel, Selector selector)
            throws IOException {
        this.source = source;
        this.track = options.track();
        this.log = new LineLog(options.clientBufferBytes());
        this.address = (InetSocketAddress) channel.getLocalAddress();
        this.port = address.getPort();
        this.network =
                new NetworkLoop(
                        this,
                        selector,
                        channel,
                        log,
                        options.listener(),
                        options.maxClients(),
                        options.clientBufferBytes());
        this.networkThread = new Thread(network, "ember-relay-network-" + port);
        networkThread.setDaemon(true);
    }

    /** What a relay needs besides its source; the values are checked by {@link Relay.Builder}. */
    public record Options(
            KeywordFilter track,
            String host,
            int port,
            int backlog,
            int maxClients,
            long clientBufferBytes,
            Relay.Listener listener) {}

    public static RelayServer start(PostSource source, Options options) {
        ServerSocketChannel channel = listen(options);
        Selector selector = null;
        RelayServer server;
        try {
            // Closing a socket needs the JDK's native closing support, which itself takes
            // descriptors the first time it is used: left for later, it could be first needed
            // while the process has none left, fail for good, and make every later close fail.
            SocketChannel.open().close();
            channel.configureBlocking(false);
            selector = Selector.open();
            server = new RelayServer(source, options, channel, selector);
        } catch (IOException e) {
            closeQuietly(channel);
            if (selector != null) {
                closeQuietly(selector);
            }
            throw new UncheckedIOException(
                    "the relay cannot start on port "
                            + options.port()
                            + " ("
                            + e.getMessage()
                            + "); if the process is out of file descriptors, raise their limit"
                            + " (ulimit -n)",
                    e);
        }
        warnIfDescriptorsAreShort(options.maxClients());
        server.networkThread.start();
        return server;
    }

    /** Says at the start when the process cannot open a descriptor for every client allowed. */
    private static void warnIfDescriptorsAreShort(int maxClients) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            long limit = os.getMaxFileDescriptorCount();
            long free = limit - os.getOpenFileDescriptorCount();
            if (free < maxClients) {
                LOG.warn(
                        "the process may open only {} more files (its limit is {}), fewer than"
                                + " the relay's client limit of {}; clients beyond that wait"
                                + " until descriptors are free: raise the limit (ulimit -n) or"
                                + " lower the client limit",
                        free,
                        limit,
                        maxClients);
            }
        }
    }

    private static ServerSocketChannel listen(Options options) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(
                    new InetSocketAddress(InetAddress.getByName(options.host()), options.port()),
                    options.backlog());
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                closeQuietly(channel);
            }
            throw new UncheckedIOException(
                    "the relay cannot listen on "
                            + options.host()
                            + ":"
                            + options.port()
                            + " ("
                            + e.getMessage()
                            + "); is another program using the port? Choose another one",
                    e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public Relay.Stats stats() {
        return new Relay.Stats(
                received.get(),
                matched.get(),
                network.sent(),
                network.dropped(),
                network.connected(),
                source.skippedCount(),
                network.refused());
    }

    /** Called by the network thread for every client it admits: the first starts the source. */
    void clientArrived() {
        if (!shutdown.get() && sourceStarted.compareAndSet(false, true)) {
            Thread t = new Thread(this::runSource, "ember-relay-source-" + port);
            t.setDaemon(true);
            sourceThread = t;
            t.start();
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
        } catch (RuntimeException | Error e) {
            if (!shutdown.get()) {
                if (e instanceof SourceException) {
                    // The source says why it cannot go on; its stack trace would add nothing.
                    LOG.error("source {} stopped: {}", source.description(), e.getMessage());
                    failure = (SourceException) e;
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
        if (network.connected() == 0) {
            return; // nobody would read it; posts are not kept for clients to come
        }
        log.append(encode(post.text()));
        network.linesAppended();
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

    /** Called by the network thread when it fails; it closes every connection next. */
    void networkFailed(Throwable e) {
        LOG.error("the relay on port {} failed and stops", port, e);
        if (failure == null) {
            failure =
                    new SourceException(
                            "the relay on port " + port + " failed and stopped (" + e + ")", e);
        }
        shutdown.set(true);
        source.close();
    }

    /** Called by the network thread as it ends, every connection closed. */
    void networkFinished() {
        terminated.countDown();
    }

    /**
     * Stops the relay and waits until every connection is closed, unless called on the network
     * thread (from a listener), which closes them as soon as it returns.
     */
    public void close() {
        shutDown();
        if (Thread.currentThread() != networkThread) {
            try {
                terminated.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void shutDown() {
        if (!shutdown.compareAndSet(false, true)) {
            return;
        }
        network.stopAccepting();
        source.close();
        Thread t = sourceThread;
        if (t != null && t != Thread.currentThread()) {
            // Let the post being relayed reach the log before the clients drain, so that every
            // matched post is either sent or counted as dropped.
            try {
                t.join(DRAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        network.drain(DRAIN_MILLIS);
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
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
