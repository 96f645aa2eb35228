package dev.ember.social.internal.x;

import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.internal.CloseSignal;
import dev.ember.social.internal.Durations;
import dev.ember.social.internal.HttpLines;
import dev.ember.social.internal.HttpSupport;
import dev.ember.social.internal.JsonFields;
import dev.ember.social.internal.SkipLog;
import dev.ember.social.internal.SourceBase;
import dev.ember.social.internal.SourceClock;
import dev.ember.social.internal.StreamIdleException;
import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/*
 * Posts from the X API v2 filtered stream.
 *
 * run() first makes the app's stream rules exactly the tracked keywords (XRules; not when no
 * keywords are given, then the rules stay as they are), or with dryRun only reports and validates
 * the changes with dry_run=true and returns. Then it reads GET /2/tweets/search/stream as
 * newline-delimited JSON on the calling thread, through HttpLines, until closed.
 *
 * Liveness: X sends a blank keep-alive line every 20 s; when nothing at all arrives for 21 s (the
 * one second of slack that late keep-alives need), the body is cancelled and the stream reopened.
 *
 * Reconnecting follows X's policy (XBackoff): at once after an established connection (one that
 * delivered at least a keep-alive) ends, including after an operational-disconnect; otherwise by
 * the kind of failure. 401 and 403 mean the token or the app's access is wrong, 400 and 404 that
 * the request or the base URL is: those stop the source with a SourceException. The token is sent
 * only in the Authorization header and never appears in logs, messages or the description.
 */
public final class XSource extends SourceBase {
    private static final Logger log = LoggerFactory.getLogger(XSource.class);

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.x.com");
    static final String STREAM_PATH = "/2/tweets/search/stream";
    static final String RULES_PATH = "/2/tweets/search/stream/rules";
    static final String STREAM_QUERY =
            "tweet.fields=created_at,lang,entities,author_id,note_tweet"
                    + "&expansions=author_id&user.fields=username";
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(21);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ERROR_BODY_TIMEOUT = Duration.ofSeconds(5);
    static final int ERROR_BODY_BYTES = 64 * 1024;
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final URI baseUrl;
    private final String bearerToken;
    private final KeywordFilter track; // null: leave the rules as they are
    private final boolean dryRun;
    private final SourceClock clock;
    private final Duration idleTimeout;
    private final String name;

    private final XBackoff backoff = new XBackoff();
    private final Set<String> loggedProblems = ConcurrentHashMap.newKeySet();
    private HttpClient client;
    private long connections;
    private boolean inOutage;

    public XSource(URI baseUrl, String bearerToken, KeywordFilter track, boolean dryRun) {
        this(baseUrl, bearerToken, track, dryRun, SourceClock.system(), IDLE_TIMEOUT);
    }

    /** For tests: injected time and a shorter idle timeout. */
    public XSource(
            URI baseUrl,
            String bearerToken,
            KeywordFilter track,
            boolean dryRun,
            SourceClock clock,
            Duration idleTimeout) {
        super(describe(baseUrl, track, dryRun), name(baseUrl), log);
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.track = track == null || track.isEmpty() ? null : track;
        this.dryRun = dryRun;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.name = name(baseUrl);
    }

    private static String name(URI baseUrl) {
        return "x (" + HttpSupport.authority(baseUrl) + ")";
    }

    private static String describe(URI baseUrl, KeywordFilter track, boolean dryRun) {
        boolean tracking = track != null && !track.isEmpty();
        int rules = tracking ? XRules.wanted(track).size() : 0;
        return "x ("
                + HttpSupport.authority(baseUrl)
                + ", "
                + (tracking ? rules + (rules == 1 ? " rule" : " rules") : "existing rules")
                + (dryRun ? ", dry run" : "")
                + ")";
    }

    @Override
    protected void receive(Consumer<Post> sink) throws InterruptedException {
        client = HttpSupport.newClient(CONNECT_TIMEOUT);
        boolean rulesDone = false;
        try {
            while (!closed.isClosed()) {
                Duration wait;
                String reason;
                boolean alwaysWarn = false;
                try {
                    if (!rulesDone) {
                        syncRules();
                        rulesDone = true;
                        backoff.reset();
                        if (dryRun || closed.isClosed()) {
                            return;
                        }
                    }
                    if (stream(sink)) {
                        backoff.reset();
                        continue;
                    }
                    if (closed.isClosed()) {
                        return;
                    }
                    wait = backoff.afterNetworkError();
                    reason = "the stream ended before anything arrived";
                } catch (IOException e) {
                    if (closed.isClosed()) {
                        return;
                    }
                    wait = backoff.afterNetworkError();
                    reason = HttpSupport.reason(e);
                } catch (XHttpException e) {
                    if (closed.isClosed()) {
                        return;
                    }
                    checkFatal(e);
                    if (e.status == 429) {
                        wait =
                                backoff.afterRateLimit(
                                        e.resetEpochSecond, clock.currentTimeMillis());
                    } else {
                        wait = backoff.afterHttpError();
                    }
                    if (e.isTooManyConnections()) {
                        reason =
                                "X refused the stream because another connection of this app is"
                                        + " open (TooManyConnections), and X allows one per app:"
                                        + " stop the other client using this token";
                        alwaysWarn = true;
                    } else {
                        reason = e.what + " answered " + e.summary();
                    }
                }
                if (!inOutage || alwaysWarn) {
                    log.warn("{}: {}; retrying in {} with backoff", name, reason, pretty(wait));
                    inOutage = true;
                } else {
                    log.debug("{}: {}; retrying in {}", name, reason, pretty(wait));
                }
                if (!clock.sleep(wait, closed)) {
                    return;
                }
            }
        } finally {
            closed.close();
        }
    }

    private static String pretty(Duration d) {
        return Durations.pretty(d);
    }

    private void checkFatal(XHttpException e) {
        String problem = e.problem == null ? "" : " (" + e.problem.summary() + ")";
        switch (e.status) {
            case 401 ->
                    throw new SourceException(
                            name
                                    + ": X rejected the bearer token (HTTP 401"
                                    + problem
                                    + "); check X_BEARER_TOKEN, which must be the Bearer Token of an X"
                                    + " developer app (developer console, Keys and tokens)");
            case 403 ->
                    throw new SourceException(
                            name
                                    + ": X refused access to the filtered stream (HTTP 403"
                                    + problem
                                    + "); the app's access level or credits must include the filtered"
                                    + " stream, see the X developer console");
            case 400 ->
                    throw new SourceException(
                            name
                                    + ": X refused "
                                    + e.what
                                    + " as invalid (HTTP 400"
                                    + problem
                                    + "); check the tracked keywords (--track) and the base URL "
                                    + baseUrl);
            case 404 ->
                    throw new SourceException(
                            name
                                    + ": "
                                    + e.what
                                    + " answered HTTP 404"
                                    + problem
                                    + "; check the base URL "
                                    + baseUrl
                                    + ", which should be X's API such as "
                                    + DEFAULT_BASE_URL);
            default -> {}
        }
    }

    /** One stream connection; returns true when it was established before it ended. */
    private boolean stream(Consumer<Post> sink)
            throws IOException, XHttpException, InterruptedException {
        URI uri = URI.create(baseUrl + STREAM_PATH + "?" + STREAM_QUERY);
        HttpLines lines = new HttpLines(MAX_LINE_BYTES);
        HttpRequest request = authorized(uri).GET().header("Accept", "application/json").build();
        HttpResponse<HttpLines> response =
                HttpSupport.await(
                        client.sendAsync(request, info -> lines),
                        idleTimeout,
                        closed,
                        lines::cancel);
        if (response == null) {
            return false;
        }
        long number = ++connections;
        CloseSignal.Registration registration = closed.onClose(lines::cancel);
        try {
            if (response.statusCode() != 200) {
                String body = lines.readRest(ERROR_BODY_BYTES, ERROR_BODY_TIMEOUT);
                throw new XHttpException(
                        response.statusCode(), "the stream", response.headers(), body);
            }
            boolean established = false;
            long lineNumber = 0;
            while (true) {
                String line;
                try {
                    line = lines.readLine(idleTimeout);
                } catch (StreamIdleException e) {
                    if (!closed.isClosed()) {
                        log.warn(
                                "{}: {} on the stream, not even a keep-alive; reconnecting",
                                name,
                                e.getMessage());
                    }
                    return established;
                } catch (IOException e) {
                    if (!established || closed.isClosed()) {
                        throw e;
                    }
                    log.warn(
                            "{}: stream connection lost ({}); reconnecting",
                            name,
                            HttpSupport.reason(e));
                    return true;
                }
                if (line == null) {
                    if (established && !closed.isClosed()) {
                        log.warn("{}: X ended the stream; reconnecting", name);
                    }
                    return established;
                }
                if (!established) {
                    established = true;
                    log.info(
                            "{}: {} to the filtered stream",
                            name,
                            inOutage || number > 1 ? "reconnected" : "connected");
                    inOutage = false;
                }
                lineNumber++;
                lines.reportOversized(skips, position(number, lineNumber));
                if (line.isBlank()) {
                    continue; // keep-alive
                }
                XPostParser.Message message = XPostParser.parse(line);
                if (message.parsed().isMalformed()) {
                    skips.skip(message.parsed().problem(), position(number, lineNumber), line);
                } else if (message.parsed().isPost()) {
                    sink.accept(message.parsed().post());
                } else if (handleProblems(message.problems())) {
                    return true;
                }
            }
        } finally {
            registration.close();
            lines.cancel();
        }
    }

    /** Logs the problems of an errors line; true when X ends the connection with them. */
    private boolean handleProblems(List<XProblem> problems) {
        boolean disconnect = false;
        for (XProblem problem : problems) {
            if (problem.isDisconnect()) {
                disconnect = true;
                log.warn(
                        "{}: X disconnected the stream ({}); reconnecting",
                        name,
                        problem.summary());
            } else if (problem.isTooManyConnections()) {
                disconnect = true;
                log.warn(
                        "{}: X reports another connection of this app (TooManyConnections), and X"
                                + " allows one per app: stop the other client using this token",
                        name);
            } else if (loggedProblems.add(String.valueOf(problem.title()))) {
                log.warn(
                        "{}: X reported a problem on the stream: {} (further ones with this title"
                                + " are logged at debug level)",
                        name,
                        problem.summary());
            } else {
                log.debug("{}: X reported a problem on the stream: {}", name, problem.summary());
            }
        }
        return disconnect;
    }

    private static String position(long connection, long line) {
        return "line " + line + " of stream connection " + connection;
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + bearerToken)
                .header("User-Agent", HttpSupport.USER_AGENT);
    }

    // ---- rules ----

    private void syncRules() throws IOException, XHttpException, InterruptedException {
        List<XRules.Rule> existing = fetchRules();
        if (track == null) {
            if (existing.isEmpty()) {
                log.warn(
                        "{}: the app has no stream rules and no keywords are tracked, so the"
                                + " stream will deliver nothing; track keywords (--track) to add"
                                + " rules",
                        name);
            } else {
                log.info(
                        "{}: no keywords are tracked, so the app's {} rule(s) stay as they are: {}",
                        name,
                        existing.size(),
                        describe(existing));
            }
            if (dryRun) {
                log.info("{}: dry run: nothing would change", name);
            }
            return;
        }
        XRules.Plan plan = XRules.plan(existing, track);
        for (XRules.Rule rule : plan.keep()) {
            log.info("{}: rule {} is already in place", name, rule.describe());
        }
        String would = dryRun ? "would " : "";
        if (!plan.delete().isEmpty()) {
            postRules(XRules.deleteBody(plan.delete()), "delete");
            for (XRules.Rule rule : plan.delete()) {
                log.info(
                        "{}: {}deleted rule {}, which no tracked keyword gives",
                        name,
                        would,
                        rule.describe());
            }
        }
        if (!plan.add().isEmpty()) {
            JsonNode answer = postRules(XRules.addBody(plan.add()), "add");
            checkAdded(answer, plan.add());
            for (XRules.Rule rule : plan.add()) {
                log.info("{}: {}added rule {}", name, would, rule.describe());
            }
        }
        if (dryRun) {
            log.info(
                    "{}: dry run: {} rule(s) would be added, {} deleted, {} kept; X validated the"
                            + " changes and nothing was changed",
                    name,
                    plan.add().size(),
                    plan.delete().size(),
                    plan.keep().size());
        } else if (plan.changesNothing()) {
            log.info("{}: the stream rules already match the tracked keywords", name);
        }
    }

    private static String describe(List<XRules.Rule> rules) {
        List<String> described = new ArrayList<>();
        for (XRules.Rule rule : rules) {
            described.add(rule.describe());
        }
        return String.join(", ", described);
    }

    private List<XRules.Rule> fetchRules()
            throws IOException, XHttpException, InterruptedException {
        List<XRules.Rule> rules = new ArrayList<>();
        String token = null;
        do {
            String query = "max_results=1000";
            if (token != null) {
                query += "&pagination_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            }
            URI uri = URI.create(baseUrl + RULES_PATH + "?" + query);
            JsonNode page = send(authorized(uri).GET().build(), "the rules request");
            if (page == null) {
                return rules;
            }
            rules.addAll(XRules.rulesOf(page));
            token = XRules.nextToken(page);
        } while (token != null && !closed.isClosed());
        return rules;
    }

    private JsonNode postRules(String body, String what)
            throws IOException, XHttpException, InterruptedException {
        URI uri = URI.create(baseUrl + RULES_PATH + (dryRun ? "?dry_run=true" : ""));
        HttpRequest request =
                authorized(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        return send(request, "the rules " + what + " request");
    }

    /** Fails with a SourceException naming each rule X refused (a duplicate is no refusal). */
    private void checkAdded(JsonNode answer, List<XRules.Rule> added) {
        if (answer == null) {
            return;
        }
        List<String> refused = new ArrayList<>();
        for (JsonNode error : JsonFields.array(answer, "errors")) {
            XProblem problem = XProblem.of(error);
            if ("DuplicateRule".equals(problem.title())) {
                continue;
            }
            String value = JsonFields.string(error, "value");
            List<String> details = JsonFields.strings(error, "details");
            refused.add(
                    "'"
                            + (value == null ? "?" : value)
                            + "': "
                            + problem.summary()
                            + (details.isEmpty() ? "" : " " + details));
        }
        if (!refused.isEmpty()) {
            throw new SourceException(
                    name
                            + ": X refused "
                            + refused.size()
                            + " of the "
                            + added.size()
                            + " rule(s) for the tracked keywords: "
                            + String.join("; ", refused)
                            + "; change the keywords given to track (--track)");
        }
    }

    /** Sends a rules request; the answer's JSON, or null when closed meanwhile. */
    private JsonNode send(HttpRequest request, String what)
            throws IOException, XHttpException, InterruptedException {
        HttpResponse<String> response =
                HttpSupport.await(
                        client.sendAsync(
                                request,
                                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)),
                        REQUEST_TIMEOUT,
                        closed,
                        () -> {});
        if (response == null) {
            return null;
        }
        if (response.statusCode() / 100 != 2) {
            throw new XHttpException(
                    response.statusCode(), what, response.headers(), response.body());
        }
        try {
            return JsonFields.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new IOException(
                    what
                            + " answered HTTP "
                            + response.statusCode()
                            + " with a body that is not JSON: "
                            + SkipLog.sample(response.body()));
        }
    }
}
