package dev.ember.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo input of {@code ember wordcount --demo}: a TCP server on 127.0.0.1 at an ephemeral port
 * that writes {@link DemoText} lines, {@code linesPerSecond} of them, to every client that
 * connects, so that the job reads through the same socket path as with a real server.
 *
 * <p>Threads: one daemon thread accepts, one daemon thread per client writes; none of them keeps
 * the JVM alive, and {@link #close()} ends them all. Pacing: every {@link #TICK_MILLIS} the writer
 * sends the lines due since the connection opened; a client that stalls catches up by at most one
 * second of lines, the rest are skipped. Every client gets the same lines, from {@link
 * DemoText#SEED}.
 */
final class DemoFeeder implements AutoCloseable {
    /** The address the feeder listens on: loopback only. */
    static final String HOST = "127.0.0.1";

    /** The highest accepted rate, in lines per second. */
    static final int MAX_RATE = 1_000_000;

    private static final long TICK_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DemoFeeder.class);

    private final ServerSocket server;
    private final int linesPerSecond;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private DemoFeeder(ServerSocket server, int linesPerSecond) {
        this.server = server;
        this.linesPerSecond = linesPerSecond;
    }

    /** Starts a feeder writing {@code linesPerSecond} lines per second to each client. */
    static DemoFeeder start(int linesPerSecond) throws IOException {
        if (linesPerSecond < 1 || linesPerSecond > MAX_RATE) {
            throw new IllegalArgumentException(
                    "demo rate must be between 1 and "
                            + MAX_RATE
                            + " lines/s, got "
                            + linesPerSecond);
        }
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getByName(HOST));
        DemoFeeder feeder = new DemoFeeder(server, linesPerSecond);
        Thread acceptor = new Thread(feeder::acceptClients, "ember-demo-feeder");
        acceptor.setDaemon(true);
        acceptor.start();
        return feeder;
    }

    /** The port the feeder listens on. */
    int port() {
        return server.getLocalPort();
    }

    private void acceptClients() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Demo feeder stopped accepting connections: {}", e.toString());
                }
                return;
            }
            clients.add(client);
            int n = connections.incrementAndGet();
            LOG.debug(
                    "Demo feeder: client {} connected from {}", n, client.getRemoteSocketAddress());
            Thread writer = new Thread(() -> feed(client), "ember-demo-feeder-" + n);
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void feed(Socket client) {
        DemoText text = new DemoText(DemoText.SEED);
        try (client;
                Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(
                                        client.getOutputStream(), StandardCharsets.UTF_8),
                                1 << 16)) {
            long start = System.nanoTime();
            long sent = 0;
            while (!closed) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long due = (long) (seconds * linesPerSecond);
                sent = Math.max(sent, due - linesPerSecond);
                for (; sent < due; sent++) {
                    out.write(text.nextLine());
                    out.write('\n');
                }
                out.flush();
                TimeUnit.MILLISECONDS.sleep(TICK_MILLIS);
            }
        } catch (SocketException e) {
            LOG.debug(
                    "Demo feeder: client {} went away: {}",
                    client.getRemoteSocketAddress(),
                    e.toString());
        } catch (IOException e) {
            LOG.warn(
                    "Demo feeder: writing to {} failed: {}",
                    client.getRemoteSocketAddress(),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(client);
        }
    }

    /** Stops accepting and disconnects every client. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Demo feeder: closing the server socket failed: {}", e.toString());
        }
        for (Socket client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("Demo feeder: closing a client failed: {}", e.toString());
            }
        }
    }
}
