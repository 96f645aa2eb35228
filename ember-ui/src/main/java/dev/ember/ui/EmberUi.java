package dev.ember.ui;

import dev.ember.streaming.InvalidPipelineException;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.StreamingContextState;
import dev.ember.ui.internal.Dashboard;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The live dashboard of a running program, served by the program itself (no notebook, no Spark UI,
 * nothing fetched from the internet): a top-N bar chart that follows a stream of counts window by
 * window, a streaming page like Spark's Streaming tab, a SQL console over the program's views, a
 * JSON API and Prometheus metrics.
 *
 * <pre>{@code
 * try (EmberUi ui = EmberUi.start(ssc, UiOptions.builder()
 *         .topN(hashtagCounts, 10)
 *         .sql(sqlContext.readOnly())
 *         .build())) {
 *     System.err.println("Dashboard: " + ui.url());
 *     ssc.start();
 *     ssc.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Pages: {@code /} (the top-N chart), {@code /streaming} (rates, delays, batches, inputs, state
 * sizes, checkpoints) and {@code /sql}. API: {@code /api/views}, {@code /api/sql?q=...}, {@code
 * /api/batches}, {@code /api/streaming}, {@code /api/windows}, {@code /api/windows/latest}, the
 * event stream {@code /api/events}, and {@code /metrics}. The pages update themselves from the
 * event stream when a batch completes or a window is emitted.
 *
 * <p>Figures come only from the context's {@link dev.ember.streaming.scheduler.StreamingListener
 * streaming listener} and from the top-N stream; the dashboard keeps the recent batches and windows
 * within a budget in bytes ({@link UiOptions.Builder#historyBytes}). Its work runs on its own
 * threads: the batch path pays for the top-N stream's {@code top} and nothing else.
 *
 * <p>Security: it listens on 127.0.0.1 unless told otherwise, and another address needs a token; it
 * answers only {@code GET}, sends no CORS headers and a restrictive Content-Security-Policy, and
 * runs SQL only through {@link dev.ember.sql.SqlContext#readOnly() read-only mode}.
 *
 * <p>Lifecycle: the dashboard outlives the context, so its last figures stay readable after a stop;
 * {@link #close()} stops it. Thread-safe.
 */
public final class EmberUi implements AutoCloseable {
    /** How many ports from the requested one are tried when it is taken, as Spark does. */
    public static final int PORT_ATTEMPTS = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dashboard dashboard;
    private final String token;

    private EmberUi(Dashboard dashboard, String token) {
        this.dashboard = dashboard;
        this.token = token;
    }

    /**
     * Starts the dashboard of {@code ssc}: binds its port (the options' one, or the next free one
     * of {@link #PORT_ATTEMPTS}), listens to the context's events and, with a top-N stream,
     * registers that stream's output operation. Call it before {@code ssc.start()} to see every
     * batch; with a top-N stream it must come before.
     *
     * @throws IllegalArgumentException when the host is not loopback and no token is set, or the
     *     host does not resolve
     * @throws IllegalStateException when a top-N stream is given and the context has started, or no
     *     port could be bound
     * @throws dev.ember.streaming.InvalidPipelineException when the top-N stream belongs to another
     *     context
     */
    public static EmberUi start(StreamingContext ssc, UiOptions options) {
        Objects.requireNonNull(ssc, "ssc");
        Objects.requireNonNull(options, "options");
        if (options.token() == null && !Dashboard.isLoopback(options.host())) {
            throw new IllegalArgumentException(
                    "the dashboard of '"
                            + ssc.appName()
                            + "' would listen on "
                            + options.host()
                            + ", which is not loopback, without a token, so anyone who reaches"
                            + " this machine could read it; set one with"
                            + " UiOptions.builder().token(EmberUi.newToken()), or listen on"
                            + " 127.0.0.1");
        }
        if (options.topStream() != null) {
            if (options.topStream().context() != ssc) {
                throw new InvalidPipelineException(
                        "the top-N stream '"
                                + options.topStream().name()
                                + "' belongs to context '"
                                + options.topStream().context().appName()
                                + "', not to '"
                                + ssc.appName()
                                + "'; pass a stream of the dashboard's own context");
            }
            if (ssc.getState() != StreamingContextState.INITIALIZED) {
                throw new IllegalStateException(
                        "the dashboard of '"
                                + ssc.appName()
                                + "' follows stream '"
                                + options.topStream().name()
                                + "', which needs an output operation, but the context is "
                                + ssc.getState()
                                + ": start the dashboard before ssc.start()");
            }
        }
        return new EmberUi(Dashboard.start(ssc, options, PORT_ATTEMPTS), options.token());
    }

    /**
     * A new random token of 32 URL-safe characters (192 bits), for {@link UiOptions.Builder#token}.
     */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The address the dashboard listens on, as given. */
    public String host() {
        return dashboard.host();
    }

    /** The port it listens on: the requested one, or the free one found after it. */
    public int port() {
        return dashboard.port();
    }

    /**
     * The address of its top-N page, such as {@code http://127.0.0.1:4040/}; with a token, the
     * token is in the query ({@code ?token=...}), so the address opens the dashboard as it is.
     */
    public URI url() {
        String h = dashboard.host();
        String authority = h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
        return URI.create(
                "http://"
                        + authority
                        + ":"
                        + dashboard.port()
                        + "/"
                        + (token == null ? "" : "?token=" + token));
    }

    /** Stops listening to the context, ends the event streams and stops the server; idempotent. */
    @Override
    public void close() {
        dashboard.close();
    }

    @Override
    public String toString() {
        return "EmberUi[" + dashboard.host() + ":" + dashboard.port() + "]";
    }
}
