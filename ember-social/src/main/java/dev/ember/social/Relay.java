package dev.ember.social;

import dev.ember.social.internal.relay.RelayServer;
import dev.ember.streaming.SourceException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * The tutorial's tweet listener: serves the posts of a source that match the tracked keywords to
 * any number of TCP clients, one post per line, so that a streaming job can read them with {@code
 * socketTextStream(host, port)}.
 *
 * <pre>{@code
 * try (Relay relay = Relay.builder(PostSources.bluesky().build())
 *         .track(KeywordFilter.of("messi"))
 *         .port(5555)
 *         .start()) {
 *     relay.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Each matching post is written to every connected client as its text in UTF-8 followed by
 * {@code \n}; line breaks inside a post (CR, LF, NEL, the Unicode line and paragraph separators)
 * become spaces, so one post is always one line. As the tutorial's listener does, the source starts
 * when the first client connects, so nothing is read (or paid for) before someone listens; it goes
 * on while clients come and go, and posts that arrive while no client is connected are counted but
 * not kept.
 *
 * <p>The relay keeps the newest lines once for all its clients, up to {@link
 * Builder#clientBufferBytes(long)} (4 MiB by default): a client may fall that far behind, and one
 * that reads more slowly loses its oldest lines, whole, with a warning in the log, rather than
 * slowing the others down. So the memory for lines is bounded in bytes however many clients
 * connect. The relay serves at most {@link Builder#maxClients(int)} clients at once (1,000 by
 * default); one more gets a line that says so and is disconnected. A client that closes its
 * connection is seen as gone at once, even when nothing is being written to it; the relay expects
 * nothing from clients and discards what they send.
 *
 * <p>The relay serves every client from one network thread with non-blocking sockets, plus the
 * source's thread. When the process runs out of file descriptors it logs it once, keeps serving the
 * clients it has and accepts the waiting ones when descriptors are free again.
 *
 * <p>The relay ends when the source ends (a replay file at its end), when the source cannot go on,
 * when the relay itself fails, or on {@link #close()}; in each case the lines already buffered are
 * written to the clients (for at most a few seconds) before their connections close. Thread-safe.
 */
public final class Relay implements AutoCloseable {
    private final RelayServer server;

    private Relay(RelayServer server) {
        this.server = server;
    }

    /** A relay builder for {@code source}; the relay runs the source and closes it when it ends. */
    public static Builder builder(PostSource source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    /** The address the relay listens on, with the port chosen when the builder asked for 0. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The port the relay listens on. */
    public int port() {
        return server.address().getPort();
    }

    /** The counts so far; callable from any thread. */
    public Stats stats() {
        return server.stats();
    }

    /**
     * Waits until the relay has ended.
     *
     * @throws SourceException when the relay ended because its source could not go on, such as a
     *     rejected token, or because the relay itself failed
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination(-1);
    }

    /**
     * Waits until the relay has ended or {@code timeoutMillis} pass (negative: no limit).
     *
     * @return true when the relay has ended, false on timeout
     * @throws SourceException when the relay ended because its source could not go on, or because
     *     the relay itself failed
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        return server.awaitTermination(timeoutMillis);
    }

    /**
     * Stops the relay: closes the source, stops accepting clients, writes the lines still buffered
     * for each client (for at most a few seconds) and closes their connections, then returns.
     * Calling it again only waits for that. Called from a {@link Listener}, it returns at once and
     * the connections close right after.
     */
    @Override
    public void close() {
        server.close();
    }

    /**
     * What a relay has done so far.
     *
     * @param received posts the source delivered
     * @param matched posts among them that matched the tracked keywords
     * @param sent lines written to clients, summed over clients (a post sent to two clients counts
     *     twice)
     * @param dropped lines dropped from the buffers of slow clients, summed over clients
     * @param clients clients connected now
     * @param skipped messages the source skipped as malformed
     * @param refused connections refused because the relay already served its maximum of clients
     */
    public record Stats(
            long received,
            long matched,
            long sent,
            long dropped,
            int clients,
            long skipped,
            long refused) {}

    /**
     * Hears about clients coming and going, for example to print them as the tutorial's listener
     * does. Called on the relay's network thread, which serves every client: keep it short, and
     * never block in it. An exception it throws is logged and ignored.
     */
    public interface Listener {
        /** A client connected from {@code client}. */
        default void clientConnected(SocketAddress client) {}

        /**
         * The connection with {@code client} ended, after {@code sent} lines were written to it and
         * {@code dropped} were dropped because it read too slowly.
         */
        default void clientDisconnected(SocketAddress client, long sent, long dropped) {}
    }

    /** Options of a {@link Relay}, each settable once; {@link #start()} opens the port. */
    public static final class Builder {
        private static final int DEFAULT_BACKLOG = 4096;
        private static final int DEFAULT_MAX_CLIENTS = 1000;
        private static final long DEFAULT_CLIENT_BUFFER_BYTES = 4L << 20;
        private static final long MIN_CLIENT_BUFFER_BYTES = 1024;

        private final PostSource source;
        private KeywordFilter track;
        private String host;
        private Integer port;
        private Integer backlog;
        private Integer maxClients;
        private Long clientBufferBytes;
        private Listener listener;

        private Builder(PostSource source) {
            this.source = source;
        }

        /** Relays only the posts that match {@code track}; default: every post. */
        public Builder track(KeywordFilter track) {
            this.track = once("track", this.track, Objects.requireNonNull(track, "track"));
            return this;
        }

        /**
         * The address to listen on; default {@code 127.0.0.1}, so only programs on this machine can
         * connect. Use {@code 0.0.0.0} to accept clients from other machines.
         */
        public Builder host(String host) {
            this.host = once("host", this.host, Objects.requireNonNull(host, "host"));
            return this;
        }

        /** The TCP port to listen on, 1 to 65535, or 0 for a free one; default 5555. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        "relay port must be between 0 (any free port) and 65535, got " + port);
            }
            this.port = once("port", this.port, port);
            return this;
        }

        /**
         * How many connections the operating system may queue while the relay accepts them; at
         * least 1, default 4,096. The system caps it (on Linux at {@code net.core.somaxconn}).
         * Connections beyond the queue may see their connection hang or fail.
         */
        public Builder backlog(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException(
                        "relay backlog must be at least 1 connection, got " + connections);
            }
            this.backlog = once("backlog", this.backlog, connections);
            return this;
        }

        /**
         * The most clients served at once; at least 1, default 1,000. A client that connects beyond
         * it receives one line, {@code relay full: it already serves its maximum of N clients; try
         * again later}, and is disconnected; the refusal is logged and counted in {@link
         * Stats#refused()}. Each client takes a file descriptor: the process's limit ({@code ulimit
         * -n}) should be above this.
         */
        public Builder maxClients(int clients) {
            if (clients < 1) {
                throw new IllegalArgumentException(
                        "relay must serve at least 1 client at once, got a maximum of " + clients);
            }
            this.maxClients = once("maxClients", this.maxClients, clients);
            return this;
        }

        /**
         * How far, in bytes of lines, a client may fall behind the newest line before it loses its
         * oldest lines; at least 1,024, default 4 MiB. The relay keeps these lines once for all
         * clients, each line costing its UTF-8 bytes plus 32; it always keeps the newest line,
         * however long.
         */
        public Builder clientBufferBytes(long bytes) {
            if (bytes < MIN_CLIENT_BUFFER_BYTES) {
                throw new IllegalArgumentException(
                        "relay client buffer must be at least 1024 bytes, got "
                                + bytes
                                + "; give it a few MiB, such as "
                                + DEFAULT_CLIENT_BUFFER_BYTES
                                + " (4 MiB, the default)");
            }
            this.clientBufferBytes = once("clientBufferBytes", this.clientBufferBytes, bytes);
            return this;
        }

        /** Tells {@code listener} about clients; default: nobody. */
        public Builder listener(Listener listener) {
            this.listener =
                    once("listener", this.listener, Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Opens the port and starts accepting clients; the source starts with the first client.
         *
         * @throws UncheckedIOException when the port cannot be opened, such as when it is in use
         */
        public Relay start() {
            return new Relay(
                    RelayServer.start(
                            source,
                            new RelayServer.Options(
                                    track == null ? KeywordFilter.none() : track,
                                    host == null ? "127.0.0.1" : host,
                                    port == null ? 5555 : port,
                                    backlog == null ? DEFAULT_BACKLOG : backlog,
                                    maxClients == null ? DEFAULT_MAX_CLIENTS : maxClients,
                                    clientBufferBytes == null
                                            ? DEFAULT_CLIENT_BUFFER_BYTES
                                            : clientBufferBytes,
                                    listener == null ? new Listener() {} : listener)));
        }

        private static <T> T once(String option, T previous, T value) {
            if (previous != null) {
                throw new IllegalStateException(
                        "relay option "
                                + option
                                + " was already set to "
                                + previous
                                + "; set each option once");
            }
            return value;
        }
    }
}
