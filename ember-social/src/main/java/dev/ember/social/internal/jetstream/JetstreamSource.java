package dev.ember.social.internal.jetstream;

import dev.ember.social.Post;
import dev.ember.social.internal.CloseSignal;
import dev.ember.social.internal.Durations;
import dev.ember.social.internal.ExponentialBackoff;
import dev.ember.social.internal.HttpSupport;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import dev.ember.social.internal.RecentKeys;
import dev.ember.social.internal.SourceBase;
import dev.ember.social.internal.SourceClock;
import dev.ember.streaming.SourceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Bluesky posts from a Jetstream instance's legacy /subscribe endpoint.
 *
 * One connection at a time, driven by the thread that calls run(): it opens the WebSocket with
 * wantedCollections=app.bsky.feed.post (plus cursor= when resuming), takes one message at a time
 * from JetstreamConnection, parses it, and hands posts to the sink before asking for the next.
 *
 * Resume and duplicates: every event's time_us becomes the cursor (readable through cursor()).
 * After a drop the source reconnects with cursor minus the rewind (5 s), because Jetstream's
 * time_us is the instance's receive time and delivery is at least once. The ids of delivered posts
 * are remembered for twice the rewind window (and at most DEDUP_CAPACITY of them), so the events
 * that the rewind replays are recognised and dropped. runWithCursors hands each post's time_us to
 * the sink, and resumeAfter(t), before running, starts the first connection at t minus the rewind,
 * or from the live stream when t is older than REPLAY_WINDOW: that is how a stream input resumes
 * after its checkpointed offset (JetstreamPosts), dropping what is at or before t itself.
 *
 * Liveness: Jetstream sends no heartbeats of its own, so after SILENCE of no message the source
 * sends a WebSocket ping; another SILENCE without anything, not even the pong, and the connection
 * is given up. A healthy but quiet instance therefore stays connected.
 *
 * Backoff: exponential with equal jitter, 1 s doubling to 30 s; it starts again from 1 s after a
 * connection that delivered at least one message. A handshake answered 401, 403 or 404 stops the
 * source with a SourceException, since retrying cannot fix the address or the access.
 */
public final class JetstreamSource extends SourceBase implements CursorSource {
    private static final Logger log = LoggerFactory.getLogger(JetstreamSource.class);

    public static final URI DEFAULT_ENDPOINT =
            URI.create("wss://jetstream2.us-east.bsky.network/subscribe");
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration SILENCE = Duration.ofSeconds(30);
    static final Duration REWIND = Duration.ofSeconds(5);

    /** How far back a public instance can replay: its lookback of 36 hours. */
    static final Duration REPLAY_WINDOW = Duration.ofHours(36);

    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final int DEDUP_CAPACITY = 50_000;
    static final int MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

    private final URI endpoint;
    private volatile long startCursor; // Parsed.NO_TIME for a live tail
    private final SourceClock clock;
    private final ExponentialBackoff backoff;
    private final Duration silence;
    private final long rewindMicros;

    private final RecentKeys delivered = new RecentKeys(DEDUP_CAPACITY);
    private volatile long cursor = Parsed.NO_TIME; // time_us of the last event handled
    private volatile long duplicatesDropped;
    // run thread only
    private long connections;
    private boolean connectedBefore;
    private boolean inOutage;

    public JetstreamSource(URI endpoint, OptionalLong startCursor) {
        this(
                endpoint,
                startCursor,
                SourceClock.system(),
                () -> ThreadLocalRandom.current().nextDouble(),
                SILENCE);
    }

    /** For tests: injected time and jitter, and a shorter silence before ping and give-up. */
    public JetstreamSource(
            URI endpoint,
            OptionalLong startCursor,
            SourceClock clock,
            DoubleSupplier jitter,
            Duration silence) {
        super(
                describe(endpoint, startCursor),
                "bluesky (" + HttpSupport.authority(endpoint) + ")",
                log);
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.startCursor = startCursor.isPresent() ? startCursor.getAsLong() : Parsed.NO_TIME;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = new ExponentialBackoff(INITIAL_BACKOFF, MAX_BACKOFF, jitter);
        this.silence = Objects.requireNonNull(silence, "silence");
        this.rewindMicros = REWIND.toNanos() / 1_000;
    }

    private static String describe(URI endpoint, OptionalLong startCursor) {
        return "bluesky ("
                + HttpSupport.authority(endpoint)
                + (startCursor.isPresent()
                        ? ", from " + JsonFields.fromMicros(startCursor.getAsLong())
                        : "")
                + ")";
    }

    /**
     * The time_us of the last event handled (the offset to resume from, before the rewind), else
     * the start cursor; empty for a live tail that has seen no event yet.
     */
    public OptionalLong cursor() {
        long c = cursor != Parsed.NO_TIME ? cursor : startCursor;
        return c == Parsed.NO_TIME ? OptionalLong.empty() : OptionalLong.of(c);
    }

    @Override
    public void resumeAfter(long afterMicros) {
        long ageMicros = clock.currentTimeMillis() * 1_000 - afterMicros;
        if (ageMicros > REPLAY_WINDOW.toNanos() / 1_000) {
            log.warn(
                    "{}: cursor {} ({}) is older than Jetstream's replay window of 36 h, so the"
                            + " posts since then cannot be read again; going on from the live"
                            + " stream",
                    description,
                    afterMicros,
                    JsonFields.fromMicros(afterMicros));
            startCursor = Parsed.NO_TIME;
        } else {
            startCursor = Math.max(0, afterMicros - rewindMicros);
        }
    }

    /** Posts dropped because a resumed connection delivered them again. */
    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    /** The URI of the next connection: the endpoint, the collection and the resume cursor. */
    URI subscribeUri() {
        String base = endpoint.toString();
        StringBuilder uri = new StringBuilder(base);
        uri.append(endpoint.getRawQuery() == null ? '?' : '&');
        uri.append("wantedCollections=").append(JetstreamParser.COLLECTION);
        long last = cursor;
        if (last != Parsed.NO_TIME) {
            uri.append("&cursor=").append(Math.max(0, last - rewindMicros));
        } else if (startCursor != Parsed.NO_TIME) {
            uri.append("&cursor=").append(startCursor);
        }
        return URI.create(uri.toString());
    }

    @Override
    protected void receive(Consumer<Post> sink) throws InterruptedException {
        stream((post, timeMicros) -> sink.accept(post));
    }

    @Override
    public void runWithCursors(CursorSink sink) throws InterruptedException {
        Objects.requireNonNull(sink, "sink");
        begin();
        stream(sink);
    }

    private void stream(CursorSink sink) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        try {
            while (!closed.isClosed()) {
                Session session = new Session(subscribeUri());
                String reason = session.run(client, sink);
                if (closed.isClosed()) {
                    return;
                }
                if (session.messages > 0) {
                    backoff.reset();
                }
                Duration wait = backoff.next();
                if (session.opened || !inOutage) {
                    log.warn(
                            "{}: {} ({}); reconnecting in {}{}",
                            description,
                            session.opened ? "connection lost" : "cannot connect",
                            reason,
                            Durations.pretty(wait),
                            cursor == Parsed.NO_TIME
                                    ? ""
                                    : ", resuming " + Durations.pretty(REWIND) + " back");
                    inOutage = true;
                } else {
                    log.debug(
                            "{}: cannot connect ({}); retrying in {}",
                            description,
                            reason,
                            Durations.pretty(wait));
                }
                if (!clock.sleep(wait, closed)) {
                    return;
                }
            }
        } finally {
            closed.close();
        }
    }

    private void opened(URI uri) {
        String note = resumeNote(uri);
        if (!connectedBefore) {
            log.info("{}: connected to {} ({})", description, HttpSupport.authority(uri), note);
        } else {
            log.info("{}: reconnected to {} ({})", description, HttpSupport.authority(uri), note);
        }
        connectedBefore = true;
        inOutage = false;
    }

    private static String resumeNote(URI uri) {
        String query = uri.getRawQuery();
        int at = query == null ? -1 : query.indexOf("cursor=");
        return at < 0 ? "live tail" : "from " + query.substring(at);
    }

    /** One connection: from the handshake until it closes, fails or goes silent. */
    private final class Session {
        final URI uri;
        final long number;
        boolean opened;
        long messages;

        Session(URI uri) {
            this.uri = uri;
            this.number = ++connections;
        }

        /** Runs the connection; returns why it ended. */
        String run(HttpClient client, CursorSink sink) throws InterruptedException {
            JetstreamConnection connection = new JetstreamConnection(MAX_MESSAGE_CHARS);
            CloseSignal.Registration registration = closed.onClose(connection::abort);
            try {
                connection.opening(
                        client.newWebSocketBuilder()
                                .connectTimeout(CONNECT_TIMEOUT)
                                .header("User-Agent", HttpSupport.USER_AGENT)
                                .buildAsync(uri, connection));
                boolean pinged = false;
                while (true) {
                    JetstreamConnection.Event event =
                            connection.next(silence.toNanos(), TimeUnit.NANOSECONDS);
                    if (closed.isClosed()) {
                        return "closed";
                    }
                    if (event == null) {
                        if (opened && !pinged) {
                            connection.ping();
                            pinged = true;
                            continue;
                        }
                        return opened
                                ? "nothing arrived for "
                                        + Durations.pretty(silence.multipliedBy(2))
                                        + ", not even a pong"
                                : "no handshake within " + Durations.pretty(silence);
                    }
                    pinged = false;
                    if (event instanceof JetstreamConnection.Opened) {
                        opened = true;
                        opened(uri);
                    } else if (event instanceof JetstreamConnection.Text text) {
                        messages++;
                        handle(text.message(), sink);
                        connection.requestNext();
                    } else if (event instanceof JetstreamConnection.Skipped skipped) {
                        messages++;
                        skips.skip(skipped.reason(), position(), skipped.sample());
                        connection.requestNext();
                    } else if (event instanceof JetstreamConnection.Alive) {
                        connection.requestNext();
                    } else if (event instanceof JetstreamConnection.Closed c) {
                        return "closed by the server, code "
                                + c.code()
                                + (c.reason() == null || c.reason().isEmpty()
                                        ? ""
                                        : ": " + c.reason());
                    } else if (event instanceof JetstreamConnection.Failed failed) {
                        return failure(failed.error());
                    }
                }
            } finally {
                registration.close();
                connection.abort();
            }
        }

        private void handle(String message, CursorSink sink) throws InterruptedException {
            Parsed parsed = JetstreamParser.parse(message);
            if (parsed.isMalformed()) {
                skips.skip(parsed.problem(), position(), message);
                return;
            }
            long time = parsed.hasTime() ? parsed.timeMicros() : cursor;
            if (parsed.hasTime()) {
                cursor = time;
                delivered.forgetBefore(time - 2 * rewindMicros);
            }
            if (!parsed.isPost()) {
                return;
            }
            Post post = parsed.post();
            if (!delivered.add(post.id(), time)) {
                duplicatesDropped++;
                log.debug("{}: dropped {} delivered before the resume", description, post.id());
                return;
            }
            sink.accept(post, parsed.timeMicros());
        }

        private String position() {
            return "message " + messages + " of connection " + number;
        }

        private String failure(Throwable error) {
            Throwable e = error;
            while (e instanceof CompletionException && e.getCause() != null) {
                e = e.getCause();
            }
            if (e instanceof WebSocketHandshakeException handshake) {
                int status = handshake.getResponse().statusCode();
                if (status == 401 || status == 403 || status == 404) {
                    throw new SourceException(
                            description
                                    + ": the server at "
                                    + endpoint
                                    + " refused the WebSocket handshake with HTTP "
                                    + status
                                    + (status == 404
                                            ? "; check the host or endpoint, which should end in"
                                                    + " /subscribe"
                                            : "; use a public Jetstream instance or check the"
                                                    + " access to this one"));
                }
                return "handshake refused with HTTP " + status;
            }
            return HttpSupport.reason(e);
        }
    }
}
