package dev.ember.social.internal.relay;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network thread's accepting: rounds of {@code accept} on the listening channel, refusal of the
 * clients beyond the limit, and a pause when {@code accept} fails.
 *
 * <p>A round takes at most 64 connections, so that writing to the clients goes on during a burst
 * and the departures of each round are seen before the next one counts clients against the limit;
 * the selector reports the rest next round, and meanwhile they wait in the kernel's backlog. A
 * refused client gets one line saying why, then its connection closes; refusals are counted and
 * logged, throttled. When {@code accept} fails, most often because the process is out of file
 * descriptors, accepting pauses, 20 ms at first and twice as long each time it fails again, up to a
 * second: logged once per episode, and the clients already connected are served meanwhile. The
 * first {@code accept} that works again ends the episode.
 *
 * <p>Only the network thread touches an instance, except {@link #refused()}.
 */
final class Acceptor {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private static final int ACCEPTS_PER_ROUND = 64;
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ServerSocketChannel channel;
    private final SelectionKey key;
    private final int port;
    private final int maxClients;
    private final byte[] refusal;
    private final ThrottledWarning refusals = new ThrottledWarning();
    private volatile long refused;
    private long pausedSinceNanos = -1;
    private long resumeAtNanos;
    private long pauseNanos;

    Acceptor(ServerSocketChannel channel, SelectionKey key, int maxClients) {
        this.channel = channel;
        this.key = key;
        this.port = channel.socket().getLocalPort();
        this.maxClients = maxClients;
        this.refusal =
                ("relay full: it already serves its maximum of "
                                + maxClients
                                + " clients; try again later\n")
                        .getBytes(StandardCharsets.UTF_8);
    }

    long refused() {
        return refused;
    }

    /** Whether accepting is paused and its pause is over at {@code nowNanos}. */
    boolean resumeDue(long nowNanos) {
        return pausedSinceNanos >= 0 && nowNanos - resumeAtNanos >= 0;
    }

    /** Nanoseconds from {@code nowNanos} until the pause ends, or {@code Long.MAX_VALUE}. */
    long nanosUntilResume(long nowNanos) {
        return pausedSinceNanos >= 0 ? resumeAtNanos - nowNanos : Long.MAX_VALUE;
    }

    /**
     * Accepts a round of waiting connections: each goes to {@code admit} while {@code clients} says
     * there is room, and is refused otherwise.
     */
    void acceptRound(IntSupplier clients, Consumer<SocketChannel> admit) {
        for (int i = 0; i < ACCEPTS_PER_ROUND && channel.isOpen(); i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                pause(e);
                return;
            }
            if (pausedSinceNanos >= 0) {
                resume();
            }
            if (accepted == null) {
                return;
            }
            if (clients.getAsInt() >= maxClients) {
                refuse(accepted);
            } else {
                admit.accept(accepted);
            }
        }
    }

    private void pause(IOException e) {
        long now = System.nanoTime();
        if (pausedSinceNanos < 0) {
            pausedSinceNanos = now;
            pauseNanos = FIRST_PAUSE_NANOS;
            LOG.warn(
                    "the relay on port {} cannot accept clients ({}); it keeps serving the clients"
                            + " it has and accepts again as soon as it can. If the process is out"
                            + " of file descriptors, raise their limit (ulimit -n) above the"
                            + " client limit ({})",
                    port,
                    e.getMessage(),
                    maxClients);
        } else {
            pauseNanos = Math.min(LONGEST_PAUSE_NANOS, pauseNanos * 2);
        }
        resumeAtNanos = now + pauseNanos;
        key.interestOps(0);
    }

    private void resume() {
        LOG.info(
                "the relay on port {} accepts clients again, after {} ms",
                port,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - pausedSinceNanos));
        pausedSinceNanos = -1;
        key.interestOps(SelectionKey.OP_ACCEPT);
    }

    private void refuse(SocketChannel accepted) {
        SocketAddress address = null;
        try {
            address = accepted.getRemoteAddress();
            accepted.configureBlocking(false);
            // A fresh socket's send buffer is empty: the one short line is written at once.
            accepted.write(ByteBuffer.wrap(refusal));
        } catch (IOException e) {
            LOG.debug("a refused client left first: {}", e.toString());
        }
        try {
            accepted.close();
        } catch (IOException e) {
            LOG.debug("closing a refused connection failed", e);
        }
        refused++;
        long report = refusals.record(1, System.nanoTime());
        if (report > 0 && report == refusals.total()) {
            LOG.warn(
                    "the relay refused client {}: it already serves its maximum of {} clients;"
                            + " raise the client limit to serve more",
                    address,
                    maxClients);
        } else if (report > 0) {
            LOG.warn(
                    "the relay refused {} more clients: it already serves its maximum of {}",
                    report,
                    maxClients);
        }
    }
}
