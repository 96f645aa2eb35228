package dev.ember.social.internal.x;

import static dev.ember.social.internal.FakeHttp.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ember.social.internal.Fixtures;
import dev.ember.social.internal.JsonFields;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * X's filtered stream API on loopback, with the documented shapes: {@code GET} and {@code POST
 * /2/tweets/search/stream/rules} (add, delete, {@code dry_run}) over a rule set it keeps, and
 * {@code GET /2/tweets/search/stream} answered by one scripted response per connection (lines,
 * {@code \r\n} keep-alives and stalls in a chunked body, or an error status with headers and a
 * body). Every request needs {@code Authorization: Bearer} {@link #TOKEN}, else it gets X's 401.
 * Rules whose value contains {@code invalid} are refused as X refuses invalid rules.
 */
final class FakeXServer implements AutoCloseable {
    static final String TOKEN = "synthetic-bearer-token-AAAA0123456789";

    record Request(String method, String path, String query, String body, String userAgent) {
        /** Such as {@code POST /2/tweets/search/stream/rules?dry_run=true}. */
        String line() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    sealed interface Step permits Line, KeepAlive, Stall {}

    /** One line of the body, sent with {@code \r\n} and flushed. */
    record Line(String json) implements Step {}

    /** A blank keep-alive line. */
    record KeepAlive() implements Step {}

    /** Nothing more until the server closes. */
    record Stall() implements Step {}

    /** One stream response: a status, headers, an error body or the steps of a 200 body. */
    record Response(int status, Map<String, String> headers, String body, List<Step> steps) {}

    static Response stream(Step... steps) {
        return new Response(200, Map.of(), null, List.of(steps));
    }

    static Response error(int status, String fixture, Map<String, String> headers) {
        return new Response(status, headers, Fixtures.text(fixture), List.of());
    }

    static Line line(String json) {
        return new Line(json);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String[]> rules = new LinkedHashMap<>(); // id -> value, tag
    private final Deque<Response> streams = new ArrayDeque<>();
    private long nextRuleId = 1000;

    FakeXServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/2/tweets/search/stream/rules", this::rules);
        server.createContext("/2/tweets/search/stream", this::stream);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized FakeXServer rule(String id, String value, String tag) {
        rules.put(id, new String[] {value, tag});
        return this;
    }

    synchronized FakeXServer then(Response response) {
        streams.add(response);
        return this;
    }

    /** The rules as {@code value (tag)}, in order. */
    synchronized List<String> rules() {
        List<String> list = new ArrayList<>();
        for (String[] rule : rules.values()) {
            list.add(rule[0] + " (" + rule[1] + ")");
        }
        return list;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<String> requestLines() {
        return requests.stream().map(Request::line).toList();
    }

    /** Waits until {@code n} requests arrived. */
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

    /** Records the request; null when it is not authorized, which was answered with a 401. */
    private Request record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request =
                new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(),
                        body,
                        exchange.getRequestHeaders().getFirst("User-Agent"));
        synchronized (this) {
            requests.add(request);
            notifyAll();
        }
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, Map.of(), Fixtures.text("x/error-unauthorized.json"));
            return null;
        }
        return request;
    }

    private void rules(HttpExchange exchange) throws IOException {
        Request recorded = record(exchange);
        if (recorded == null) {
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        boolean dryRun = query != null && query.contains("dry_run=true");
        ObjectNode answer = JsonFields.MAPPER.createObjectNode();
        synchronized (this) {
            if (exchange.getRequestMethod().equals("GET")) {
                if (!rules.isEmpty()) {
                    ArrayNode data = answer.putArray("data");
                    rules.forEach(
                            (id, rule) ->
                                    data.addObject()
                                            .put("id", id)
                                            .put("value", rule[0])
                                            .put("tag", rule[1]));
                }
                answer.putObject("meta")
                        .put("sent", "2026-05-01T20:15:00.000Z")
                        .put("result_count", rules.size());
                send(exchange, 200, Map.of(), answer.toString());
                return;
            }
            JsonNode request = JsonFields.MAPPER.readTree(recorded.body());
            ObjectNode summary =
                    answer.putObject("meta")
                            .put("sent", "2026-05-01T20:15:00.000Z")
                            .putObject("summary");
            if (request.has("delete")) {
                int deleted = 0;
                for (JsonNode id : request.get("delete").get("ids")) {
                    if (rules.containsKey(id.asString())) {
                        deleted++;
                        if (!dryRun) {
                            rules.remove(id.asString());
                        }
                    }
                }
                summary.put("deleted", deleted).put("not_deleted", 0);
                send(exchange, 200, Map.of(), answer.toString());
                return;
            }
            ArrayNode data = answer.putArray("data");
            ArrayNode errors = JsonFields.MAPPER.createArrayNode();
            int created = 0;
            for (JsonNode rule : request.get("add")) {
                String value = rule.get("value").asString();
                String tag = rule.has("tag") ? rule.get("tag").asString() : null;
                if (value.contains("invalid")) {
                    errors.addObject()
                            .put("value", value)
                            .put("title", "Invalid Rule")
                            .put("type", "https://api.twitter.com/2/problems/invalid-rules")
                            .putArray("details")
                            .add("Rules must contain a non-stopword keyword.");
                    continue;
                }
                if (rules.values().stream().anyMatch(r -> r[0].equals(value))) {
                    errors.addObject().put("value", value).put("title", "DuplicateRule");
                    continue;
                }
                String id = Long.toString(nextRuleId++);
                created++;
                if (!dryRun) {
                    rules.put(id, new String[] {value, tag});
                }
                data.addObject().put("id", id).put("value", value).put("tag", tag);
            }
            summary.put("created", created)
                    .put("not_created", errors.size())
                    .put("valid", created)
                    .put("invalid", errors.size());
            if (!errors.isEmpty()) {
                answer.set("errors", errors);
            }
            send(exchange, dryRun ? 200 : 201, Map.of(), answer.toString());
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/2/tweets/search/stream")) {
            send(exchange, 404, Map.of(), "{\"title\":\"Not Found\",\"status\":404}");
            return;
        }
        if (record(exchange) == null) {
            return;
        }
        Response response;
        synchronized (this) {
            response = streams.isEmpty() ? stream(new Stall()) : streams.poll();
        }
        if (response.status() != 200) {
            send(exchange, response.status(), response.headers(), response.body());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (Step step : response.steps()) {
                if (step instanceof Line l) {
                    out.write((l.json() + "\r\n").getBytes(StandardCharsets.UTF_8));
                } else if (step instanceof KeepAlive) {
                    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.flush();
                    closing.await();
                    return;
                }
                out.flush();
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
