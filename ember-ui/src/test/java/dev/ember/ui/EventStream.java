package dev.ember.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real client of a dashboard's event stream, as a browser's {@code EventSource}: connects, reads
 * events on a thread of its own, and lets a test wait for the events it expects (bounded by a
 * generous timeout that only guards against a hang).
 */
final class EventStream implements AutoCloseable {
    static final long TIMEOUT_SECONDS = 60;

    private static final ExecutorService READERS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "event-stream-reader");
                        t.setDaemon(true);
                        return t;
                    });

    /** The events received and not yet awaited, by name, in order of arrival. */
    private final Map<String, LinkedBlockingQueue<String>> events = new ConcurrentHashMap<>();

    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    private EventStream(HttpClient client, HttpRequest request) {
        response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(
                r -> {
                    if (r.statusCode() != 200) {
                        opened.completeExceptionally(
                                new AssertionError("the event stream answered " + r.statusCode()));
                        return;
                    }
                    String name = "message";
                    StringBuilder data = new StringBuilder();
                    for (String line : (Iterable<String>) r.body()::iterator) {
                        if (line.startsWith(": ")) {
                            opened.complete(null);
                        } else if (line.startsWith("event: ")) {
                            name = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            data.append(line.substring(6));
                        } else if (line.isEmpty() && data.length() > 0) {
                            queue(name).add(data.toString());
                            name = "message";
                            data.setLength(0);
                        }
                    }
                },
                READERS);
    }

    /**
     * Connects to the event stream of the dashboard at {@code url} (with the query of {@code url},
     * such as its token) and returns once the dashboard has registered the stream.
     */
    static EventStream open(URI url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI events =
                url.resolve(
                        "/api/events" + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
        EventStream stream = new EventStream(client, HttpRequest.newBuilder(events).build());
        stream.opened.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return stream;
    }

    private LinkedBlockingQueue<String> queue(String name) {
        return events.computeIfAbsent(name, n -> new LinkedBlockingQueue<>());
    }

    /** Waits for the next {@code n} events named {@code name}; events of other names stay. */
    List<String> await(String name, int n) throws InterruptedException {
        List<String> data = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (data.size() < n) {
            String e = queue(name).poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError(
                        "waited "
                                + TIMEOUT_SECONDS
                                + " s for "
                                + n
                                + " '"
                                + name
                                + "' events, got "
                                + data.size());
            }
            data.add(e);
        }
        return data;
    }

    /** Waits for the next event named {@code name} whose data passes {@code test}. */
    String awaitFirst(String name, Predicate<String> test) throws InterruptedException {
        while (true) {
            String data = await(name, 1).get(0);
            if (test.test(data)) {
                return data;
            }
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
