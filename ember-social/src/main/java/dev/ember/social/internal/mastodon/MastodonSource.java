package dev.ember.social.internal.mastodon;

import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.internal.CloseSignal;
import dev.ember.social.internal.Durations;
import dev.ember.social.internal.ExponentialBackoff;
import dev.ember.social.internal.HttpLines;
import dev.ember.social.internal.HttpSupport;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.Parsed;
import dev.ember.social.internal.RecentKeys;
import dev.ember.social.internal.SkipLog;
import dev.ember.social.internal.SourceBase;
import dev.ember.social.internal.SourceClock;
import dev.ember.social.internal.StreamIdleException;
import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/*
 * Posts from a Mastodon instance's streaming API, as server-sent events.
 *
 * Streams: one /api/v1/streaming/hashtag?tag=<t> per tracked keyword when every keyword is a
 * single word or a #hashtag (at most MAX_HASHTAG_STREAMS of them), else the federated
 * /api/v1/streaming/public, whose posts the relay filters. A hashtag stream only has posts tagged
 * with it: narrower than the keyword, by design of the API.
 *
 * Threads: each stream has its own daemon connection thread with its own reconnect loop; they
 * hand posts to the run thread through a bounded queue (a full queue stops their reads, so a slow
 * sink slows the sockets). The run thread drops statuses already delivered (a post with two
 * tracked tags arrives on two streams), remembering the last DEDUP_CAPACITY ids, and delivers the
 * rest. A fatal failure on any connection (401: token rejected) travels through the same queue
 * and ends run() with a SourceException. close() interrupts the connection threads, cancels their
 * bodies and wakes the run thread.
 *
 * Host: the streaming API may live on another host than the instance; StreamingHost asks the
 * instance once and follows a redirect to it.
 *
 * Events: update is a post; delete (of a status id) and status.update (an edit) are ignored so
 * that nothing counts twice and a counted post is not "uncounted"; other events are ignored.
 * Heartbeats (":thump" comments, about every 15 s) keep the connection alive; after IDLE_TIMEOUT
 * without anything it is reopened. Reconnects back off exponentially with jitter from 1 s to 60 s
 * (from the start again after a connection that delivered anything); a 429 waits at least until
 * the rate limit's reset.
 */
public final class MastodonSource extends SourceBase {
    private static final Logger log = LoggerFactory.getLogger(MastodonSource.class);

    static final String PUBLIC_PATH = "/api/v1/streaming/public";
    static final String HASHTAG_PATH = "/api/v1/streaming/hashtag";
    static final int MAX_HASHTAG_STREAMS = 8;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final int QUEUE_CAPACITY = 256;
    static final int DEDUP_CAPACITY = 10_000;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
    static final int MAX_REDIRECTS = 3;

    private final URI instance;
    private final String token;
    private final List<String> tags; // empty: the public stream
    private final List<String> tracked;
    private final SourceClock clock;
    private final DoubleSupplier jitter;
    private final Duration idleTimeout;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final RecentKeys delivered = new RecentKeys(DEDUP_CAPACITY);
    private StreamingHost host;
    private HttpClient client;
    private volatile long duplicatesDropped;

    private static final Object WAKE = new Object();

    private record Failure(RuntimeException error) {}

    /** How a connection ended: whether anything arrived on it, and why it ended. */
    private record Outcome(boolean healthy, String reason) {}

    public MastodonSource(URI instance, String token, KeywordFilter track) {
        this(
                instance,
                token,
                track,
                SourceClock.system(),
                () -> ThreadLocalRandom.current().nextDouble(),
                IDLE_TIMEOUT);
    }

    /** For tests: injected time and jitter, and a shorter idle timeout. */
    public MastodonSource(
            URI instance,
            String token,
            KeywordFilter track,
            SourceClock clock,
            DoubleSupplier jitter,
            Duration idleTimeout) {
        super(describe(instance, track), "mastodon (" + HttpSupport.authority(instance) + ")", log);
        this.instance = Objects.requireNonNull(instance, "instance");
        this.token = Objects.requireNonNull(token, "token");
        KeywordFilter keywords = track == null ? KeywordFilter.none() : track;
        this.tags = hashtagStreams(keywords);
        this.tracked = keywords.keywords();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    private static String describe(URI instance, KeywordFilter track) {
        List<String> tags = hashtagStreams(track == null ? KeywordFilter.none() : track);
        return "mastodon ("
                + HttpSupport.authority(instance)
                + ", "
                + (tags.isEmpty() ? "public" : "#" + String.join(" #", tags))
                + ")";
    }

    /**
     * The hashtags to stream for {@code track}: every keyword as a tag when each is a single word
     * or hashtag and there are at most {@link #MAX_HASHTAG_STREAMS}; else none, for the public
     * stream.
     */
    static List<String> hashtagStreams(KeywordFilter track) {
        Set<String> tags = new LinkedHashSet<>();
        for (String keyword : track.keywords()) {
            String word =
                    keyword.startsWith("#") || keyword.startsWith("\uFF03")
                            ? keyword.substring(1)
                            : keyword;
            List<String> found = Hashtags.extract("#" + word);
            String tag = "#" + word.toLowerCase(Locale.ROOT);
            if (found.size() != 1 || !found.get(0).equals(tag)) {
                return List.of();
            }
            tags.add(tag.substring(1));
        }
        return tags.size() > MAX_HASHTAG_STREAMS ? List.of() : List.copyOf(tags);
    }

    /** Posts dropped because another stream of this source delivered them first. */
    public long duplicatesDropped() {
        return duplicatesDropped;
    }

    @Override
    protected void receive(Consumer<Post> sink) throws InterruptedException {
        client = HttpSupport.newClient(CONNECT_TIMEOUT);
        host = new StreamingHost(instance, client, closed, description);
        log.info("{}: streaming {}", description, streamsNote());
        List<Thread> threads = new ArrayList<>();
        for (String stream : streamPaths()) {
            Connection connection = new Connection(stream);
            Thread thread = new Thread(connection::work, "ember-mastodon-" + connection.label);
            thread.setDaemon(true);
            threads.add(thread);
        }
        closed.onClose(
                () -> {
                    for (Thread thread : threads) {
                        thread.interrupt();
                    }
                    queue.clear();
                    queue.offer(WAKE);
                });
        try {
            for (Thread thread : threads) {
                thread.start();
            }
            while (true) {
                Object item = queue.take();
                if (closed.isClosed()) {
                    return;
                }
                if (item instanceof Failure failure) {
                    throw failure.error();
                }
                if (item instanceof Post post) {
                    if (delivered.add(post.id(), 0)) {
                        sink.accept(post);
                    } else {
                        duplicatesDropped++;
                    }
                }
            }
        } finally {
            closed.close();
        }
    }

    private String streamsNote() {
        if (!tags.isEmpty()) {
            return "the hashtag timeline(s) of #" + String.join(", #", tags);
        }
        if (tracked.isEmpty()) {
            return "the public timeline";
        }
        return "the public timeline, since the tracked keywords "
                + tracked
                + " are not all hashtags or are more than "
                + MAX_HASHTAG_STREAMS
                + "; the keywords are matched on the client";
    }

    private List<String> streamPaths() {
        if (tags.isEmpty()) {
            return List.of(PUBLIC_PATH);
        }
        List<String> paths = new ArrayList<>();
        for (String tag : tags) {
            paths.add(HASHTAG_PATH + "?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return paths;
    }

    private void deliver(Object item) throws InterruptedException {
        queue.put(item);
    }

    /** Thrown inside a connection for an HTTP answer that is not a stream. */
    private static final class HttpStatusException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient HttpHeaders headers;

        HttpStatusException(int status, HttpHeaders headers, String message) {
            super(message);
            this.status = status;
            this.headers = headers;
        }
    }

    /** One stream's connection thread and its reconnect loop. */
    private final class Connection {
        final String path;
        final String label;
        final String name;
        final ExponentialBackoff backoff;
        private long connections;
        private boolean inOutage;
        private int redirects;

        Connection(String path) {
            this.path = path;
            int tag = path.indexOf("tag=");
            this.label = tag < 0 ? "public" : "#" + path.substring(tag + 4);
            this.name = "mastodon (" + HttpSupport.authority(instance) + ", " + this.label + ")";
            this.backoff = new ExponentialBackoff(INITIAL_BACKOFF, MAX_BACKOFF, jitter);
        }

        void work() {
            try {
                loop();
            } catch (InterruptedException e) {
                // closed
            } catch (RuntimeException e) {
                if (!closed.isClosed()) {
                    Failure failure = new Failure(e);
                    if (!queue.offer(failure)) {
                        // The failure must reach run() even when posts fill the queue.
                        queue.clear();
                        queue.offer(failure);
                    }
                }
            }
        }

        private void loop() throws InterruptedException {
            while (!closed.isClosed()) {
                String reason;
                Duration wait;
                try {
                    Outcome outcome = connect();
                    if (closed.isClosed()) {
                        return;
                    }
                    if (outcome.healthy()) {
                        backoff.reset();
                        redirects = 0;
                    }
                    reason = outcome.reason();
                    wait = backoff.next();
                } catch (IOException e) {
                    if (closed.isClosed()) {
                        return;
                    }
                    reason = HttpSupport.reason(e);
                    wait = backoff.next();
                } catch (HttpStatusException e) {
                    if (closed.isClosed()) {
                        return;
                    }
                    if (e.status / 100 == 3 && redirects < MAX_REDIRECTS) {
                        redirects++;
                        continue;
                    }
                    checkFatal(e);
                    reason = e.getMessage();
                    wait = backoff.next();
                    if (e.status == 429) {
                        Duration untilReset = untilReset(e.headers);
                        if (untilReset.compareTo(wait) > 0) {
                            wait = untilReset;
                        }
                    }
                }
                if (!inOutage) {
                    log.warn(
                            "{}: {}; reconnecting in {} with backoff",
                            name,
                            reason,
                            Durations.pretty(wait));
                    inOutage = true;
                } else {
                    log.debug("{}: {}; reconnecting in {}", name, reason, Durations.pretty(wait));
                }
                if (!clock.sleep(wait, closed)) {
                    return;
                }
            }
        }

        private void checkFatal(HttpStatusException e) {
            switch (e.status) {
                case 401, 403 ->
                        throw new SourceException(
                                name
                                        + ": the instance rejected the access token (HTTP "
                                        + e.status
                                        + "), or it lacks the read:statuses scope; Mastodon 4.2 and later"
                                        + " stream public and hashtag timelines only to a user token"
                                        + " with read:statuses: create one under Preferences >"
                                        + " Development and set MASTODON_TOKEN");
                case 404, 410 ->
                        throw new SourceException(
                                name
                                        + ": "
                                        + e.getMessage()
                                        + "; check the instance "
                                        + instance
                                        + ", which must run Mastodon's streaming API");
                default -> {}
            }
        }

        private Duration untilReset(HttpHeaders headers) {
            Instant reset =
                    JsonFields.parseInstant(headers.firstValue("x-ratelimit-reset").orElse(null));
            if (reset != null) {
                return Duration.ofMillis(
                        Math.max(0, reset.toEpochMilli() - clock.currentTimeMillis()));
            }
            try {
                long seconds = Long.parseLong(headers.firstValue("retry-after").orElse("").strip());
                return Duration.ofSeconds(Math.max(0, seconds));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }

        /** One connection; healthy when anything (an event, a heartbeat) arrived on it. */
        private Outcome connect() throws IOException, HttpStatusException, InterruptedException {
            URI base = host.base();
            URI uri = URI.create(base + path);
            HttpLines lines = new HttpLines(MAX_LINE_BYTES);
            HttpRequest request =
                    HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + token)
                            .header("User-Agent", HttpSupport.USER_AGENT)
                            .header("Accept", "text/event-stream")
                            .header("Cache-Control", "no-cache")
                            .GET()
                            .build();
            HttpResponse<HttpLines> response =
                    HttpSupport.await(
                            client.sendAsync(request, info -> lines),
                            idleTimeout,
                            closed,
                            lines::cancel);
            if (response == null) {
                return new Outcome(false, "closed");
            }
            long number = ++connections;
            CloseSignal.Registration registration = closed.onClose(lines::cancel);
            try {
                int status = response.statusCode();
                if (status / 100 == 3) {
                    URI target =
                            StreamingHost.httpBase(
                                    response.headers().firstValue("location").orElse(null));
                    if (target != null) {
                        host.redirectTo(target);
                    }
                    throw new HttpStatusException(
                            status, response.headers(), "redirected (HTTP " + status + ")");
                }
                if (status != 200) {
                    String body = lines.readRest(4096, Duration.ofSeconds(2));
                    throw new HttpStatusException(
                            status,
                            response.headers(),
                            "the stream " + uri + " answered HTTP " + status + errorOf(body));
                }
                String type = response.headers().firstValue("content-type").orElse("");
                if (!type.isEmpty()
                        && !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                    throw new HttpStatusException(
                            status,
                            response.headers(),
                            "the stream " + uri + " answered " + type + ", not text/event-stream");
                }
                return read(lines, number);
            } finally {
                registration.close();
                lines.cancel();
            }
        }

        private Outcome read(HttpLines lines, long number)
                throws IOException, InterruptedException {
            SseParser parser = new SseParser();
            boolean healthy = false;
            long lineNumber = 0;
            while (true) {
                String line;
                try {
                    line = lines.readLine(idleTimeout);
                } catch (StreamIdleException e) {
                    return new Outcome(healthy, e.getMessage() + ", not even a heartbeat");
                } catch (IOException e) {
                    if (!healthy || closed.isClosed()) {
                        throw e;
                    }
                    return new Outcome(true, "connection lost (" + HttpSupport.reason(e) + ")");
                }
                if (line == null) {
                    return new Outcome(healthy, "the stream ended");
                }
                if (!healthy) {
                    healthy = true;
                    log.info(
                            "{}: {} to {}",
                            name,
                            inOutage || number > 1 ? "reconnected" : "connected",
                            HttpSupport.authority(host.current()));
                    inOutage = false;
                }
                lineNumber++;
                lines.reportOversized(skips, position(number, lineNumber));
                SseParser.Event event = parser.line(line);
                if (event != null) {
                    handle(event, number, lineNumber);
                }
            }
        }

        private void handle(SseParser.Event event, long number, long lineNumber)
                throws InterruptedException {
            switch (event.type()) {
                case "update" -> {
                    Parsed parsed = MastodonStatusParser.parse(event.data());
                    if (parsed.isMalformed()) {
                        skips.skip(parsed.problem(), position(number, lineNumber), event.data());
                    } else if (parsed.isPost()) {
                        deliver(parsed.post());
                    }
                }
                case "delete" ->
                        log.debug(
                                "{}: status {} was deleted; a post already counted stays counted",
                                name,
                                event.data());
                case "status.update" ->
                        log.debug("{}: an edited status is ignored, so that it counts once", name);
                default -> log.debug("{}: ignored a {} event", name, event.type());
            }
        }

        private String position(long number, long lineNumber) {
            return "line " + lineNumber + " of connection " + number + " to " + label;
        }
    }

    private static String errorOf(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            String error = JsonFields.string(JsonFields.MAPPER.readTree(body), "error");
            if (error != null) {
                return " (" + error + ")";
            }
        } catch (JacksonException e) {
            // not JSON
        }
        return " (" + SkipLog.sample(body.strip()) + ")";
    }
}
