package dev.ember.social.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the HTTP-based sources share: the User-Agent and waiting for a response that a close ends.
 */
public final class HttpSupport {
    /** {@code ember/<version>} when the jar says its version, else {@code ember}. */
    public static final String USER_AGENT = userAgent();

    private HttpSupport() {}

    private static String userAgent() {
        String version = HttpSupport.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "ember" : "ember/" + version;
    }

    /**
     * The result of {@code future} within {@code timeout}, or null when {@code closed} was closed
     * first (the future is then cancelled, and so is {@code onCancel}).
     *
     * @throws IOException the request's failure, or an {@link HttpTimeoutException}
     */
    public static <T> T await(
            CompletableFuture<T> future, Duration timeout, CloseSignal closed, Runnable onCancel)
            throws IOException, InterruptedException {
        Runnable cancel =
                () -> {
                    future.cancel(true);
                    onCancel.run();
                };
        CloseSignal.Registration registration = closed.onClose(cancel);
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (CancellationException e) {
            return null;
        } catch (TimeoutException e) {
            cancel.run();
            throw new HttpTimeoutException("no response within " + Durations.pretty(timeout));
        } catch (InterruptedException e) {
            cancel.run();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (closed.isClosed() || cause instanceof CancellationException) {
                return null;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        } finally {
            registration.close();
        }
    }

    /** {@code host} or {@code host:port} of {@code uri}, for logs and descriptions. */
    /**
     * The client the HTTP sources use: HTTP/1.1, since the streams are long-lived responses read
     * line by line, and no redirects followed behind their back.
     */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /**
     * A one-line reason for logs: the first message along the causes ("connection refused" for a
     * refused connection, which the JDK reports without one), else the exception's class.
     */
    public static String reason(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof ConnectException) {
                return e.getMessage() == null || e.getMessage().isBlank()
                        ? "connection refused"
                        : e.getMessage();
            }
            if (e instanceof HttpTimeoutException && e.getMessage() != null) {
                return e.getMessage();
            }
            if (e.getMessage() != null
                    && !e.getMessage().isBlank()
                    && !(e instanceof CompletionException)) {
                return e.getMessage();
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return t.getClass().getSimpleName();
    }
}
