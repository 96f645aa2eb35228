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
 * <p>Every client has a buffer of {@link Builder#clientBufferLines(int)} lines: a client that reads
 * too slowly loses its oldest lines, with a warning in the log, rather than slowing the others down
 * or growing memory without bound.
 *
 * <p>The relay ends when the source ends (a replay file at its end), when the source cannot go on,
 * or on {@link #close()}; in each case the lines already buffered are written to the clients (for
 * at most a few seconds) before their connections close. Thread-safe.
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
     *     rejected token
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination(-1);
    }

    /**
     * Waits until the relay has ended or {@code timeoutMillis} pass (negative: no limit).
     *
     * @return true when the relay has ended, false on timeout
     * @throws SourceException when the relay ended because its source could not go on
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
        return server.awaitTermination(timeoutMillis);
    }

    /**
     * Stops the relay: closes the source, stops accepting clients, writes the lines still buffered
     * for each client (for at most a few seconds) and closes their connections. Calling it again
     * does nothing.
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
     */
    public record Stats(
            long received, long matched, long sent, long dropped, int clients, long skipped) {}

    /**
     * Hears about clients coming and going, for example to print them as the tutorial's listener
     * does. Called on the relay's own threads; keep it short.
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
        private final PostSource source;
        private KeywordFilter track;
        private String host;
        private Integer port;
        private Integer clientBufferLines;
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
         * How many lines each client may have waiting before its oldest are dropped; at least 1,
         * default 10,000.
         */
        public Builder clientBufferLines(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException(
                        "relay client buffer must hold at least 1 line, got " + lines);
            }
            this.clientBufferLines = once("clientBufferLines", this.clientBufferLines, lines);
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
                            track == null ? KeywordFilter.none() : track,
                            host == null ? "127.0.0.1" : host,
                            port == null ? 5555 : port,
                            clientBufferLines == null ? 10_000 : clientBufferLines,
                            listener == null ? new Listener() {} : listener));
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
