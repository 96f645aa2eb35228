package dev.ember.social;

import dev.ember.social.internal.demo.DemoSettings;
import dev.ember.social.internal.demo.DemoSource;
import dev.ember.social.internal.jetstream.JetstreamSource;
import dev.ember.social.internal.mastodon.MastodonSource;
import dev.ember.social.internal.replay.ReplaySource;
import dev.ember.social.internal.x.XSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Creates the post sources: live Bluesky, X and Mastodon streams, replays of recorded files, and
 * the synthetic demo stream.
 *
 * <p>Each factory returns a small builder; {@code build()} checks the options and returns a {@link
 * PostSource} that connects only when {@link PostSource#run} is called:
 *
 * <pre>{@code
 * try (PostSource source = PostSources.bluesky().build()) {
 *     source.run(post -> System.out.println(post.hashtags()));
 * }
 * }</pre>
 *
 * <table>
 *   <caption>The sources</caption>
 *   <tr><th>factory</th><th>needs</th><th>track</th></tr>
 *   <tr><td>{@link #bluesky()}</td><td>nothing: Jetstream is free and needs no account</td>
 *       <td>on the client (the relay filters)</td></tr>
 *   <tr><td>{@link #x()}</td><td>a paid app's bearer token in {@code X_BEARER_TOKEN}</td>
 *       <td>stream rules on X's side</td></tr>
 *   <tr><td>{@link #mastodon(String)}</td><td>a user token with {@code read:statuses} in
 *       {@code MASTODON_TOKEN}</td><td>hashtag timelines</td></tr>
 *   <tr><td>{@link #replay(Path)}</td><td>a JSON Lines file</td><td>on the client</td></tr>
 * </table>
 *
 * <p>Live sources reconnect by themselves with backoff and count, log and skip malformed messages;
 * they never put a token in a log line, a message or {@link PostSource#description()}. Builder
 * options may be set once each; setting one twice, or two that exclude each other, throws {@link
 * IllegalStateException} naming the earlier value. Builders are not thread-safe.
 */
public final class PostSources {
    /** The environment variable that holds the X bearer token. */
    public static final String X_BEARER_TOKEN = "X_BEARER_TOKEN";

    /** The environment variable that holds the Mastodon access token. */
    public static final String MASTODON_TOKEN = "MASTODON_TOKEN";

    private static final long MIN_CURSOR_MICROS = 1_000_000_000_000_000L; // 2001-09-09

    private PostSources() {}

    /**
     * A builder for Bluesky posts from Jetstream, by default {@code
     * wss://jetstream2.us-east.bsky.network/subscribe}, from now on (a live tail).
     */
    public static BlueskyBuilder bluesky() {
        return new BlueskyBuilder();
    }

    /** A builder for posts from the X API v2 filtered stream. */
    public static XBuilder x() {
        return new XBuilder();
    }

    /**
     * A builder for posts from a Mastodon instance's streaming API.
     *
     * @param instance a host such as {@code mastodon.social} (then https is used), or a URL with
     *     its scheme such as {@code http://127.0.0.1:8080}
     * @throws IllegalArgumentException when {@code instance} is neither
     */
    public static MastodonBuilder mastodon(String instance) {
        return new MastodonBuilder(instance);
    }

    /**
     * A builder for replaying a JSON Lines file of posts at its recorded pace.
     *
     * <p>The file may hold Ember's own lines (see {@link PostJsonLines}), or lines captured from
     * the live sources, recognised line by line by their shape: Jetstream events ({@code kind},
     * {@code did}, {@code time_us}), X filtered stream lines (a {@code data} object) and Mastodon
     * statuses ({@code content}, {@code account}, one JSON object per line) or Mastodon WebSocket
     * messages. A replayed post keeps its source's name ({@code bluesky}, {@code x}, {@code
     * mastodon}, or an Ember line's {@code source}). Lines are paced by Ember's {@code receivedAt},
     * else {@code createdAt}; by Jetstream's {@code time_us}; by X's and Mastodon's {@code
     * created_at}. The first timed post is emitted at once, and a post recorded {@code d} after it
     * is emitted {@code d / speed} after it; a post whose time goes backwards, or has no time, is
     * emitted at once. Events that are not posts (deletes, account events, keep-alives, blank
     * lines) are skipped silently; lines that cannot be read are counted in {@link
     * PostSource#skippedCount()} and logged once per kind. {@code run} returns at the end of the
     * file. A name ending in {@code .gz} is read as gzip.
     */
    public static ReplayBuilder replay(Path file) {
        return new ReplayBuilder(file);
    }

    /**
     * A builder for the synthetic demo stream, which needs no network: realistic posts in ten
     * languages on football (with a steady share about Messi, so {@code --track messi} always
     * flows), politics, other sports and everyday life, with hashtags whose popularity follows a
     * Zipf law and drifts over minutes, so trends rise and fall on a chart. The same seed gives the
     * same posts, in the same order, with the same trends. It runs until closed.
     */
    public static DemoBuilder demo() {
        return new DemoBuilder();
    }

    /** Options of {@link #bluesky()}. */
    public static final class BlueskyBuilder {
        private String host;
        private URI endpoint;
        private Long cursor;

        private BlueskyBuilder() {}

        /**
         * Uses the Jetstream instance at {@code host}, as {@code wss://<host>/subscribe}; for
         * example {@code jetstream1.us-west.bsky.network}. Excludes {@link #endpoint(URI)}.
         */
        public BlueskyBuilder host(String host) {
            Objects.requireNonNull(host, "host");
            checkUnset(this.host, this.endpoint);
            String h = host.strip();
            URI uri = bareHost("wss", h, "/subscribe");
            if (uri == null) {
                throw new IllegalArgumentException(
                        "Jetstream host '"
                                + host
                                + "' is not a host name; give one such as"
                                + " jetstream2.us-east.bsky.network, or use endpoint(URI) for a"
                                + " full address");
            }
            this.host = h;
            this.endpoint = uri;
            return this;
        }

        /**
         * Uses the Jetstream endpoint at {@code endpoint}, a {@code ws} or {@code wss} URI of the
         * {@code /subscribe} path, such as {@code ws://127.0.0.1:6008/subscribe} for a self-hosted
         * instance. It may carry further query parameters (such as {@code wantedDids}), but not
         * {@code wantedCollections} or {@code cursor}, which the source sets. Excludes {@link
         * #host(String)}.
         */
        public BlueskyBuilder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            checkUnset(this.host, this.endpoint);
            String scheme = lower(endpoint.getScheme());
            if (!(scheme.equals("ws") || scheme.equals("wss")) || endpoint.getHost() == null) {
                throw new IllegalArgumentException(
                        "Jetstream endpoint "
                                + endpoint
                                + " is not a ws:// or wss:// URI with a host; give one such as"
                                + " wss://jetstream2.us-east.bsky.network/subscribe");
            }
            String query = endpoint.getRawQuery();
            if (query != null
                    && (hasParameter(query, "cursor")
                            || hasParameter(query, "wantedCollections"))) {
                throw new IllegalArgumentException(
                        "Jetstream endpoint "
                                + endpoint
                                + " sets cursor or wantedCollections, which the source sets"
                                + " itself; remove them and use cursor(long) to start from a past"
                                + " position");
            }
            if (endpoint.getRawFragment() != null) {
                throw new IllegalArgumentException(
                        "Jetstream endpoint " + endpoint + " has a fragment; remove it");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * Starts from a past position instead of now: {@code timeUs} is a Jetstream cursor, the
         * microseconds since the epoch of an event's {@code time_us}. Jetstream keeps about 36
         * hours; an older cursor starts at the oldest event it has, a future one is a live tail. A
         * stream of {@link SocialStreams#posts} restored from a checkpoint goes on after the
         * checkpoint's cursor instead.
         *
         * @throws IllegalArgumentException when {@code timeUs} is not a plausible microsecond time
         *     (one in milliseconds or seconds is refused)
         */
        public BlueskyBuilder cursor(long timeUs) {
            once("cursor", cursor);
            if (timeUs < MIN_CURSOR_MICROS) {
                throw new IllegalArgumentException(
                        "Jetstream cursor "
                                + timeUs
                                + " is not a time in microseconds since the epoch (such as"
                                + " 1779719009157119); a time in milliseconds must be multiplied"
                                + " by 1000");
            }
            this.cursor = timeUs;
            return this;
        }

        /** The source; it connects when run. */
        public PostSource build() {
            return new JetstreamSource(
                    endpoint == null ? JetstreamSource.DEFAULT_ENDPOINT : endpoint,
                    cursor == null ? OptionalLong.empty() : OptionalLong.of(cursor));
        }

        private static void checkUnset(String host, URI endpoint) {
            if (host != null) {
                throw new IllegalStateException(
                        "host was already set to '" + host + "'; set host or endpoint, once");
            }
            if (endpoint != null) {
                throw new IllegalStateException(
                        "endpoint was already set to " + endpoint + "; set host or endpoint, once");
            }
        }

        private static boolean hasParameter(String query, String name) {
            for (String part : query.split("&")) {
                if (part.equals(name) || part.startsWith(name + "=")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Options of {@link #x()}. */
    public static final class XBuilder {
        private String bearerToken;
        private URI baseUrl;
        private KeywordFilter track;
        private Boolean dryRun;
        private Function<String, String> environment = System::getenv;

        private XBuilder() {}

        /**
         * The app's bearer token (the developer console's "Bearer Token"); by default the value of
         * the environment variable {@value PostSources#X_BEARER_TOKEN}.
         */
        public XBuilder bearerToken(String bearerToken) {
            this.bearerToken =
                    secret("bearerToken", this.bearerToken, bearerToken, "the app's Bearer Token");
            return this;
        }

        /**
         * The API's base URL, {@code https://api.x.com} by default; for a proxy, or a local fake in
         * tests.
         */
        public XBuilder baseUrl(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            once("baseUrl", this.baseUrl);
            this.baseUrl = httpBase(baseUrl, "X base URL", "https://api.x.com");
            return this;
        }

        /**
         * The keywords to stream: before connecting, the app's stream rules are made exactly one
         * rule per keyword ({@code messi} becomes {@code messi OR #messi}, {@code #messi} stays,
         * {@code inter miami} becomes the phrase {@code "inter miami"}; each tagged {@code
         * ember:<keyword>}), adding the missing ones and deleting every other rule of the app.
         * Without keywords (the default) the app's rules are left as they are.
         */
        public XBuilder track(KeywordFilter track) {
            Objects.requireNonNull(track, "track");
            once("track", this.track);
            this.track = track;
            return this;
        }

        /**
         * With {@code true}, {@code run} logs the rules it would add and delete, has X validate the
         * changes ({@code dry_run=true}), changes nothing and returns without streaming.
         */
        public XBuilder dryRun(boolean dryRun) {
            once("dryRun", this.dryRun);
            this.dryRun = dryRun;
            return this;
        }

        /** For tests: where the environment variables come from. */
        XBuilder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The source; it connects when run.
         *
         * @throws IllegalStateException when no bearer token was given and {@value
         *     PostSources#X_BEARER_TOKEN} is not set
         */
        public PostSource build() {
            String token =
                    tokenOrEnvironment(
                            bearerToken,
                            environment,
                            X_BEARER_TOKEN,
                            "the X filtered stream needs an app's bearer token, and the"
                                    + " environment variable "
                                    + X_BEARER_TOKEN
                                    + " is not set; set it to the Bearer Token of your X"
                                    + " developer app (developer console, Keys and tokens), or"
                                    + " use Bluesky, which needs no account");
            return new XSource(
                    baseUrl == null ? XSource.DEFAULT_BASE_URL : baseUrl,
                    token,
                    track,
                    dryRun != null && dryRun);
        }
    }

    /** Options of {@link #mastodon(String)}. */
    public static final class MastodonBuilder {
        private final URI instance;
        private String token;
        private KeywordFilter track;
        private Function<String, String> environment = System::getenv;

        private MastodonBuilder(String instance) {
            Objects.requireNonNull(instance, "instance");
            String i = instance.strip();
            if (i.isEmpty()) {
                throw new IllegalArgumentException(
                        "Mastodon instance is blank; give a host such as mastodon.social");
            }
            if (i.contains("://")) {
                this.instance =
                        httpBase(
                                parse(i, "Mastodon instance '" + instance + "'"),
                                "Mastodon instance",
                                "https://mastodon.social");
            } else {
                URI uri = bareHost("https", i, "");
                if (uri == null) {
                    throw new IllegalArgumentException(
                            "Mastodon instance '"
                                    + instance
                                    + "' is not a host; give one such as mastodon.social, or a"
                                    + " URL such as https://mastodon.social");
                }
                this.instance = uri;
            }
        }

        /**
         * The access token of a user of the instance, with the {@code read:statuses} scope; by
         * default the value of the environment variable {@value PostSources#MASTODON_TOKEN}. Since
         * Mastodon 4.2 the public and hashtag streams need one.
         */
        public MastodonBuilder token(String token) {
            this.token =
                    secret("token", this.token, token, "a user access token with read:statuses");
            return this;
        }

        /**
         * The keywords to stream: when each is a single word or a hashtag (at most 8), the source
         * opens one hashtag timeline per keyword ({@code messi} and {@code #messi} both stream
         * {@code #messi}), which holds only posts tagged with it; otherwise, and without keywords
         * (the default), it streams the instance's public timeline. A post on several of the
         * streams is delivered once.
         */
        public MastodonBuilder track(KeywordFilter track) {
            Objects.requireNonNull(track, "track");
            once("track", this.track);
            this.track = track;
            return this;
        }

        /** For tests: where the environment variables come from. */
        MastodonBuilder environment(Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /**
         * The source; it connects when run.
         *
         * @throws IllegalStateException when no token was given and {@value
         *     PostSources#MASTODON_TOKEN} is not set
         */
        public PostSource build() {
            String t =
                    tokenOrEnvironment(
                            token,
                            environment,
                            MASTODON_TOKEN,
                            "Mastodon 4.2 and later stream public and hashtag timelines only to a"
                                    + " user access token with the read:statuses scope, and the"
                                    + " environment variable "
                                    + MASTODON_TOKEN
                                    + " is not set; create a token on "
                                    + instance.getHost()
                                    + " (Preferences > Development > New application, scope"
                                    + " read:statuses) and set "
                                    + MASTODON_TOKEN
                                    + " to it");
            return new MastodonSource(instance, t, track);
        }
    }

    /** Options of {@link #replay(Path)}. */
    public static final class ReplayBuilder {
        private final Path file;
        private Double speed;

        private ReplayBuilder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * Plays at {@code speed} times the recorded pace: 1 (the default) as recorded, 2 twice as
         * fast, 0.5 half as fast. Excludes {@link #asFastAsPossible()}.
         *
         * @throws IllegalArgumentException when {@code speed} is not a positive finite number
         */
        public ReplayBuilder speed(double speed) {
            checkUnset();
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException(
                        "replay speed must be a positive number such as 1 (as recorded) or 2"
                                + " (twice as fast), got "
                                + speed
                                + "; use asFastAsPossible() not to wait at all");
            }
            this.speed = speed;
            return this;
        }

        /** Plays without waiting between posts. Excludes {@link #speed(double)}. */
        public ReplayBuilder asFastAsPossible() {
            checkUnset();
            this.speed = 0.0;
            return this;
        }

        /**
         * The source; it reads the file when run.
         *
         * @throws IllegalArgumentException when the file does not exist or is not a readable
         *     regular file
         */
        public PostSource build() {
            if (!Files.exists(file)) {
                throw new IllegalArgumentException(
                        "replay file " + file + " does not exist; check the path");
            }
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException(
                        "replay file " + file + " is not a readable file; give a JSON Lines file");
            }
            return new ReplaySource(file, speed == null ? 1.0 : speed);
        }

        private void checkUnset() {
            if (speed != null) {
                throw new IllegalStateException(
                        "the replay speed was already set to "
                                + (speed == 0 ? "as fast as possible" : speed + "x")
                                + "; set speed or asFastAsPossible, once");
            }
        }
    }

    /** Options of {@link #demo()}. */
    public static final class DemoBuilder {
        private Long seed;
        private Double rate;
        private boolean unpaced;

        private DemoBuilder() {}

        /** Picks the stream; the default, {@value DemoSettings#DEFAULT_SEED}, is the tutorial's. */
        public DemoBuilder seed(long seed) {
            once("seed", this.seed);
            this.seed = seed;
            return this;
        }

        /**
         * Posts per second, from 0.001 to 1,000,000,000; default 50, about Bluesky's rate of new
         * posts.
         *
         * @throws IllegalArgumentException when {@code postsPerSecond} is out of that range
         */
        public DemoBuilder rate(double postsPerSecond) {
            once("rate", rate);
            DemoSettings.defaults().withPostsPerSecond(postsPerSecond); // checks the range
            this.rate = postsPerSecond;
            return this;
        }

        /**
         * Emits posts as fast as the sink takes them instead of at the rate, for benchmarks; they
         * still carry the creation times the rate gives them, so they are the same posts.
         */
        public DemoBuilder unpaced() {
            this.unpaced = true;
            return this;
        }

        /** The source. */
        public PostSource build() {
            DemoSettings settings = DemoSettings.defaults().withPaced(!unpaced);
            if (seed != null) {
                settings = settings.withSeed(seed);
            }
            if (rate != null) {
                settings = settings.withPostsPerSecond(rate);
            }
            return new DemoSource(settings);
        }
    }

    /** Refuses to set {@code option} a second time, quoting the value it has. */
    private static void once(String option, Object previous) {
        if (previous != null) {
            throw new IllegalStateException(
                    option + " was already set to " + previous + "; set it once");
        }
    }

    /** A token given to a builder, stripped; never quoted in a message. */
    private static String secret(String option, String previous, String value, String what) {
        Objects.requireNonNull(value, option);
        if (previous != null) {
            throw new IllegalStateException(option + " was already set; set it once");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(option + " is blank; give " + what);
        }
        return value.strip();
    }

    /** {@code given}, or else the value of {@code variable}, or else a failure saying so. */
    private static String tokenOrEnvironment(
            String given,
            Function<String, String> environment,
            String variable,
            String missingMessage) {
        if (given != null) {
            return given;
        }
        String fromEnvironment = environment.apply(variable);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            throw new IllegalStateException(missingMessage);
        }
        return fromEnvironment.strip();
    }

    /** {@code scheme://host path} when {@code host} is a bare host name, else {@code null}. */
    private static URI bareHost(String scheme, String host, String path) {
        if (host.isEmpty()
                || host.contains("/")
                || host.contains("@")
                || host.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        try {
            URI uri = new URI(scheme + "://" + host + path);
            return uri.getHost() == null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static URI parse(String uri, String what) {
        try {
            return new URI(uri);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(
                    what + " is not a valid address: " + e.getMessage(), e);
        }
    }

    /** {@code uri} as an http(s) base: scheme, authority and path without a trailing slash. */
    private static URI httpBase(URI uri, String what, String example) {
        String scheme = lower(uri.getScheme());
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    what
                            + " "
                            + uri
                            + " is not an http:// or https:// URL with a host; give one such as "
                            + example);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    what
                            + " "
                            + uri
                            + " has a query or fragment; give only scheme, host and port such as "
                            + example);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }
}
