package dev.ember.social.internal.mastodon;

import static dev.ember.social.internal.FakeHttp.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A Mastodon instance's streaming API on loopback: {@code GET /api/v1/streaming/public} and {@code
 * /api/v1/streaming/hashtag?tag=...} answer {@code text/event-stream} bodies scripted per stream
 * and connection (SSE text written as given, then a stall or the end), and {@code GET
 * /api/v2/instance} answers the advertised streaming URL when one is set (else 404, as on an old
 * instance). The streams need {@code Authorization: Bearer} {@link #TOKEN}, else they answer 401 as
 * Mastodon does.
 */
final class FakeMastodonServer implements AutoCloseable {
    static final String TOKEN = "synthetic-user-token-BBBB0123456789";

    sealed interface Step permits Text, Stall {}

    /** SSE text, written as is and flushed. */
    record Text(String sse) implements Step {}

    /** Nothing more until the server closes. */
    record Stall() implements Step {}

    record Response(int status, Map<String, String> headers, String body, List<Step> steps) {}

    static Response events(Step... steps) {
        return new Response(200, Map.of(), null, List.of(steps));
    }

    static Response answer(int status, Map<String, String> headers, String body) {
        return new Response(status, headers, body, List.of());
    }

    static Text text(String sse) {
        return new Text(sse);
    }

    /** An update event for {@code statusJson}. */
    static Text update(String statusJson) {
        return new Text("event: update\ndata: " + statusJson + "\n\n");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<String> requests = new ArrayList<>();
    private final Map<String, Deque<Response>> scripts = new HashMap<>();
    private String streamingUrl;

    FakeMastodonServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/v1/streaming", this::stream);
        server.createContext("/api/v2/instance", this::instance);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes {@code /api/v2/instance} advertise {@code url} as configuration.urls.streaming. */
    synchronized FakeMastodonServer advertiseStreaming(String url) {
        this.streamingUrl = url;
        return this;
    }

    /**
     * Scripts the next connection to {@code stream}: {@code public} or a tag such as {@code messi}.
     */
    synchronized FakeMastodonServer then(String stream, Response response) {
        scripts.computeIfAbsent(stream, s -> new ArrayDeque<>()).add(response);
        return this;
    }

    /** The requests' paths and queries, in order. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    synchronized void awaitRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (requests.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(requests.size() + " requests, expected " + n);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void record(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        requests.add(uri.getPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        notifyAll();
    }

    private void instance(HttpExchange exchange) throws IOException {
        record(exchange);
        String url;
        synchronized (this) {
            url = streamingUrl;
        }
        if (url == null) {
            send(exchange, 404, Map.of(), "{\"error\":\"Record not found\"}");
        } else {
            send(
                    exchange,
                    200,
                    Map.of(),
                    "{\"domain\":\"example.social\",\"title\":\"Example\",\"version\":\"4.3.0\","
                            + "\"configuration\":{\"urls\":{\"streaming\":\""
                            + url
                            + "\",\"status\":null}}}");
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        record(exchange);
        URI uri = exchange.getRequestURI();
        String stream;
        if (uri.getPath().equals("/api/v1/streaming/public")) {
            stream = "public";
        } else if (uri.getPath().equals("/api/v1/streaming/hashtag")
                && uri.getQuery() != null
                && uri.getQuery().startsWith("tag=")) {
            stream = uri.getQuery().substring(4);
        } else {
            send(exchange, 404, Map.of(), "{\"error\":\"Unknown stream type\"}");
            return;
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, Map.of(), "{\"error\":\"Missing access token\"}");
            return;
        }
        Response response;
        synchronized (this) {
            Deque<Response> queue = scripts.get(stream);
            response = queue == null || queue.isEmpty() ? events(new Stall()) : queue.poll();
        }
        if (response.status() != 200) {
            send(exchange, response.status(), response.headers(), response.body());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (Step step : response.steps()) {
                if (step instanceof Text t) {
                    out.write(t.sse().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    closing.await();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server closes
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
