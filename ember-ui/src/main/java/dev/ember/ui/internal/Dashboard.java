package dev.ember.ui.internal;

import dev.ember.streaming.StreamingContext;
import dev.ember.ui.UiOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One running dashboard: the model fed by the streaming listener and the top-N tap, the metrics,
 * the event stream and the Jetty server that serves them.
 *
 * <p>Lifecycle: {@link #start} binds the port (trying the next ones when it is taken), adds the
 * listener and, with a top-N stream, its output operation; {@link #close} removes the listener,
 * ends the event streams and stops the server. The dashboard outlives a stopped context, so its
 * last figures stay readable until it is closed.
 *
 * <p>Threads: Jetty's pool (at most {@link #MAX_THREADS} daemon threads named {@code ember-ui})
 * answers requests; the listener thread and {@code ember-ui-windows} update the model.
 */
public final class Dashboard implements AutoCloseable {
    private static final int MAX_THREADS = 16;
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private final StreamingContext ssc;
    private final Server server;
    private final int port;
    private final String host;
    private final EventHub hub;
    private final TopTap tap;
    private final DashboardListener listener;

    private Dashboard(
            StreamingContext ssc,
            Server server,
            String host,
            int port,
            EventHub hub,
            TopTap tap,
            DashboardListener listener) {
        this.ssc = ssc;
        this.server = server;
        this.host = host;
        this.port = port;
        this.hub = hub;
        this.tap = tap;
        this.listener = listener;
    }

    /**
     * Starts a dashboard for {@code ssc}; {@code attempts} ports from the options' one are tried.
     *
     * @throws IllegalArgumentException when the host is not an address of this machine
     * @throws IllegalStateException when no port could be bound
     */
    public static Dashboard start(StreamingContext ssc, UiOptions options, int attempts) {
        boolean loopback = isLoopback(options.host());
        DashboardMetrics metrics = new DashboardMetrics(ssc.batchDuration().milliseconds());
        StreamingModel model =
                new StreamingModel(
                        ssc.appName(), ssc.batchDuration().milliseconds(), options.historyBytes());
        EventHub hub = new EventHub(metrics);

        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2);
        pool.setName("ember-ui");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = bind(server, options.host(), options.port(), attempts, hub);
        int port = connector.getLocalPort();

        TopTap tap = null;
        if (options.topStream() != null) {
            tap =
                    TopTap.attach(
                            options.topStream(),
                            options.topTitle(),
                            options.top(),
                            row -> {
                                model.window(row);
                                hub.publish("window", ApiJson.write(ApiJson.window(row)));
                            },
                            metrics);
        }
        DashboardHandler handler =
                new DashboardHandler(
                        new AccessGate(options.token(), loopback, port),
                        new StaticAssets(),
                        model,
                        tap == null ? null : tap.settings(),
                        new SqlEndpoint(options.sql()),
                        hub,
                        metrics);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            hub.close();
            if (tap != null) {
                tap.close();
            }
            stopQuietly(server);
            throw new IllegalStateException(
                    "the dashboard could not start on "
                            + options.host()
                            + ":"
                            + port
                            + ": "
                            + e.getMessage(),
                    e);
        }
        DashboardListener listener = new DashboardListener(model, metrics, hub);
        ssc.addStreamingListener(listener);
        return new Dashboard(ssc, server, options.host(), port, hub, tap, listener);
    }

    private static ServerConnector bind(
            Server server, String host, int firstPort, int attempts, EventHub hub) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(32 * 1024);
        int tries = firstPort == 0 ? 1 : attempts;
        IOException last = null;
        for (int i = 0; i < tries && firstPort + i <= 65_535; i++) {
            ServerConnector connector =
                    new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
            connector.setHost(host);
            connector.setPort(firstPort == 0 ? 0 : firstPort + i);
            connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            try {
                connector.open();
                server.addConnector(connector);
                return connector;
            } catch (IOException e) {
                last = e;
                connector.close();
                if (!(e instanceof BindException || e.getCause() instanceof BindException)) {
                    break;
                }
            }
        }
        hub.close();
        throw new IllegalStateException(
                "the dashboard could not listen on "
                        + host
                        + (firstPort == 0
                                ? " (any port)"
                                : " ports " + firstPort + " to " + (firstPort + tries - 1))
                        + ": "
                        + (last == null ? "no port left" : last.getMessage())
                        + "; choose another port, or turn the dashboard off",
                last);
    }

    /**
     * True for a loopback address or name.
     *
     * @throws IllegalArgumentException when the host does not resolve
     */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "dashboard host '"
                            + host
                            + "' does not resolve; use 127.0.0.1, or an address of this machine",
                    e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ssc.removeStreamingListener(listener);
        if (tap != null) {
            tap.close();
        }
        hub.close();
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server that failed to start may fail again; nothing is left to release.
        }
    }
}
