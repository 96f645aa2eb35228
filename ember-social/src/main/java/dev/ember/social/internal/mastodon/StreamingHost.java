package dev.ember.social.internal.mastodon;

import dev.ember.social.internal.CloseSignal;
import dev.ember.social.internal.HttpSupport;
import dev.ember.social.internal.JsonFields;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/*
 * Where an instance's streaming API lives. It may be another host than the instance
 * (mastodon.social streams from streaming.mastodon.social), so the first connection asks
 * /api/v2/instance for configuration.urls.streaming (a ws:// or wss:// URL, used as http or
 * https), without the token, which that endpoint does not need. An instance that does not say
 * (an older one, or one that hides its instance API) is its own streaming host. A redirect from
 * the instance to the streaming host switches the base too. A network failure of the question is
 * thrown, so the connection retries it with backoff. Thread-safe: every connection thread asks.
 */
final class StreamingHost {
    private static final Logger log = LoggerFactory.getLogger(StreamingHost.class);

    static final String INSTANCE_PATH = "/api/v2/instance";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI instance;
    private final HttpClient client;
    private final CloseSignal closed;
    private final String description;
    private URI base; // guarded by this; null until asked

    StreamingHost(URI instance, HttpClient client, CloseSignal closed, String description) {
        this.instance = instance;
        this.client = client;
        this.closed = closed;
        this.description = description;
    }

    /** The streaming API's base URL, asked of the instance the first time. */
    URI base() throws IOException, InterruptedException {
        synchronized (this) {
            if (base != null) {
                return base;
            }
        }
        URI discovered = discover();
        synchronized (this) {
            if (base == null) {
                base = discovered;
                if (!discovered.equals(instance)) {
                    log.info(
                            "{}: the instance streams from {}",
                            description,
                            HttpSupport.authority(discovered));
                }
            }
            return base;
        }
    }

    /** The base known so far, else the instance. */
    synchronized URI current() {
        return base == null ? instance : base;
    }

    /** Streams from {@code target} from now on (the instance redirected there). */
    synchronized void redirectTo(URI target) {
        if (!target.equals(base)) {
            log.info(
                    "{}: redirected to the streaming host {}",
                    description,
                    HttpSupport.authority(target));
            base = target;
        }
    }

    private URI discover() throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(instance + INSTANCE_PATH))
                        .header("User-Agent", HttpSupport.USER_AGENT)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        HttpResponse<String> response =
                HttpSupport.await(
                        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                        REQUEST_TIMEOUT,
                        closed,
                        () -> {});
        if (response == null) {
            return instance;
        }
        if (response.statusCode() == 200) {
            try {
                JsonNode node = JsonFields.MAPPER.readTree(response.body());
                JsonNode urls = JsonFields.object(JsonFields.object(node, "configuration"), "urls");
                URI streaming = httpBase(JsonFields.string(urls, "streaming"));
                if (streaming != null) {
                    return streaming;
                }
            } catch (JacksonException e) {
                // the instance does not say: stream from it
            }
        }
        log.debug(
                "{}: {} answered HTTP {} without a streaming URL; streaming from the instance",
                description,
                INSTANCE_PATH,
                response.statusCode());
        return instance;
    }

    /** The http(s) base (scheme and authority) of a ws(s) or http(s) URL, or null. */
    static URI httpBase(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String http =
                    switch (scheme) {
                        case "wss", "https" -> "https";
                        case "ws", "http" -> "http";
                        default -> null;
                    };
            if (http == null || uri.getRawAuthority() == null) {
                return null;
            }
            return URI.create(http + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
