package dev.ember.social.internal.relay;

import dev.ember.social.Relay;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's network thread: one selector that accepts clients, writes the {@link LineLog} to each
 * of them and notices the ones that leave, all with non-blocking channels, so no client can hold up
 * another and the relay needs no thread per client.
 *
 * <p>Design:
 *
 * <ul>
 *   <li><b>Accepting</b> ({@link Acceptor}) comes after each round's departures, so clients already
 *       gone do not count against {@code maxClients}; a burst waits only in the kernel's backlog,
 *       never behind a client, and a failing {@code accept} (no descriptors left) pauses accepting
 *       while the clients connected go on being served.
 *   <li><b>Leaving</b>: every client's channel is registered for reading. The relay expects nothing
 *       from clients and discards what they send; end of stream or a reset means the client has
 *       gone, seen at once rather than at the next line written to it.
 *   <li><b>Writing</b>: the source thread appends to the log and wakes the selector (at most one
 *       wake-up pending, however many lines arrive). The loop then copies each client's pending
 *       lines into one direct buffer and writes them with one call, as much as the socket takes; a
 *       client whose socket is full waits for writability, and loses its oldest lines when the log
 *       evicts them (a warning, throttled; exact counts).
 *   <li><b>Draining</b> ({@link #drain}): no more accepting; the loop writes until every client is
 *       caught up or the deadline passes, then closes every connection and reports each client to
 *       the listener.
 * </ul>
 *
 * <p>The loop never dies silently: anything thrown in it other than a client's I/O failure fails
 * the relay (see {@link RelayServer}), which closes the source and every connection.
 */
final class NetworkLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private static final int SCRATCH_BYTES = 1 << 16;
    private static final int BATCH_LINES = 1024;
    private static final int READS_PER_EVENT = 16;

    private final RelayServer server;
    private final Selector selector;
    private final ServerSocketChannel serverChannel;
    private final SelectionKey serverKey;
    private final Acceptor acceptor;
    private final LineLog log;
    private final Relay.Listener listener;
    private final long clientBufferBytes;
    private final List<ClientChannel> clients = new ArrayList<>();
    private final List<ClientChannel> departed = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    private final ByteBuffer discard = ByteBuffer.allocate(4096);
    private final LineLog.Batch batch = new LineLog.Batch(BATCH_LINES);
    private final AtomicBoolean wakePending = new AtomicBoolean();

    private volatile boolean stopAccepting;
    private volatile long drainDeadlineNanos;
    private volatile boolean draining;
    private volatile long sent;
    private volatile long dropped;
    private volatile int connected;

    private long lastTail;
    private long lastHead;

    NetworkLoop(
            RelayServer server,
            Selector selector,
            ServerSocketChannel serverChannel,
            LineLog log,
            Relay.Listener listener,
            int maxClients,
            long clientBufferBytes)
            throws IOException {
        this.server = server;
        this.selector = selector;
        this.serverChannel = serverChannel;
        this.serverKey = serverChannel.register(selector, SelectionKey.OP_ACCEPT);
        this.log = log;
        this.listener = listener;
        this.acceptor = new Acceptor(serverChannel, serverKey, maxClients);
        this.clientBufferBytes = clientBufferBytes;
    }

    long sent() {
        return sent;
    }

    long dropped() {
        return dropped;
    }

    int connected() {
        return connected;
    }

    long refused() {
        return acceptor.refused();
    }

    /** Called by the source thread after appending: wakes the loop unless a wake-up is pending. */
    void linesAppended() {
        if (!wakePending.getAndSet(true)) {
            selector.wakeup();
        }
    }

    /** Closes the listening socket soon; the clients connected go on being served. */
    void stopAccepting() {
        stopAccepting = true;
        selector.wakeup();
    }

    /** Writes what the clients still have pending, for at most {@code millis}, then closes all. */
    void drain(long millis) {
        stopAccepting = true;
        drainDeadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        draining = true;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (IOException | RuntimeException | Error e) {
            // A client's failure never reaches here; this is the relay's own, which must end it.
            server.networkFailed(e);
        } finally {
            try {
                closeAll();
            } finally {
                server.networkFinished();
            }
        }
    }

    private void loop() throws IOException {
        while (true) {
            long now = System.nanoTime();
            if (draining && (allCaughtUp() || now - drainDeadlineNanos >= 0)) {
                return;
            }
            selector.select(selectTimeoutMillis(now));
            wakePending.set(false);
            boolean acceptable = false;
            for (SelectionKey key : selector.selectedKeys()) {
                if (key == serverKey) {
                    acceptable = key.isValid() && key.isAcceptable();
                } else {
                    handle(key);
                }
            }
            selector.selectedKeys().clear();
            // Accepting comes after the departures just seen, so that clients already gone do
            // not count against the limit.
            if (stopAccepting) {
                if (serverChannel.isOpen()) {
                    serverChannel.close();
                }
            } else if (acceptable || acceptor.resumeDue(System.nanoTime())) {
                acceptor.acceptRound(clients::size, this::admit);
            }
            serveClients();
            reportDepartures();
        }
    }

    private long selectTimeoutMillis(long now) {
        long until = stopAccepting ? Long.MAX_VALUE : acceptor.nanosUntilResume(now);
        if (draining) {
            until = Math.min(until, drainDeadlineNanos - now);
        }
        if (until == Long.MAX_VALUE) {
            return 0; // no limit
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(until) + 1);
    }

    private void admit(SocketChannel channel) {
        ClientChannel client;
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client = new ClientChannel(channel, channel.getRemoteAddress(), log.tail());
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
        } catch (IOException e) {
            LOG.debug("a connection ended while the relay set it up: {}", e.toString());
            closeQuietly(channel);
            return;
        }
        client.index = clients.size();
        clients.add(client);
        connected = clients.size();
        try {
            listener.clientConnected(client.address);
        } catch (RuntimeException e) {
            LOG.warn("the relay's listener failed on client {}", client.address, e);
        }
        server.clientArrived();
    }

    private void handle(SelectionKey key) {
        ClientChannel client = (ClientChannel) key.attachment();
        try {
            if (key.isValid() && key.isReadable()) {
                for (int i = 0; i < READS_PER_EVENT; i++) {
                    discard.clear();
                    int n = client.channel.read(discard);
                    if (n < 0) {
                        gone(client, "it closed the connection");
                        return;
                    }
                    if (n == 0) {
                        break;
                    }
                }
            }
            if (key.isValid() && key.isWritable()) {
                write(client);
            }
        } catch (IOException e) {
            gone(client, e.toString());
        }
    }

    /** Writes new lines to the clients that can take them and counts what slow ones lost. */
    private void serveClients() {
        long tail = log.tail();
        long head = log.head();
        boolean newLines = tail != lastTail;
        boolean evicted = head != lastHead;
        lastTail = tail;
        lastHead = head;
        if (!newLines && !evicted) {
            return;
        }
        long slowest = tail;
        // Backwards, since a client that leaves is replaced by the last one.
        for (int i = clients.size() - 1; i >= 0; i--) {
            ClientChannel client = clients.get(i);
            if (client.waitingForWrite()) {
                if (evicted) {
                    long before = client.dropped();
                    reportDrops(client, client.catchUp(head));
                    dropped += client.dropped() - before;
                }
            } else if (newLines) {
                try {
                    write(client);
                } catch (IOException e) {
                    gone(client, e.toString());
                    continue;
                }
            }
            slowest = Math.min(slowest, client.next());
        }
        if (slowest > head) {
            log.trim(slowest);
            lastHead = log.head();
        }
    }

    private void write(ClientChannel client) throws IOException {
        long sentBefore = client.sent();
        long droppedBefore = client.dropped();
        try {
            reportDrops(client, client.write(log, batch, scratch));
        } finally {
            sent += client.sent() - sentBefore;
            dropped += client.dropped() - droppedBefore;
        }
    }

    private void reportDrops(ClientChannel client, long lost) {
        if (lost == 0) {
            return;
        }
        long report = client.reportDrops(lost, System.nanoTime());
        if (report > 0 && client.firstDropReport(report)) {
            LOG.warn(
                    "client {} reads too slowly: dropping its oldest lines ({} so far; the relay"
                            + " keeps at most {} bytes of lines for a client that falls behind)",
                    client.address,
                    report,
                    clientBufferBytes);
        } else if (report > 0) {
            LOG.warn("client {} reads too slowly: {} more lines dropped", client.address, report);
        }
    }

    private boolean allCaughtUp() {
        long tail = log.tail();
        for (ClientChannel client : clients) {
            if (!client.caughtUp(tail)) {
                return false;
            }
        }
        return true;
    }

    private void gone(ClientChannel client, String why) {
        LOG.debug("client {} went away: {}", client.address, why);
        remove(client);
        closeQuietly(client.channel);
        departed.add(client);
    }

    /**
     * Tells the listener about the clients that left this round, once their descriptors are
     * released: a registered channel's socket closes only when the selector next deregisters it,
     * which {@code selectNow} does at once. What it finds ready stays in the selected keys for the
     * next round; since it also swallows any wake-up asked for meanwhile (new lines, a stop), the
     * next round is woken at once.
     */
    private void reportDepartures() throws IOException {
        if (departed.isEmpty()) {
            return;
        }
        selector.selectNow();
        selector.wakeup();
        for (ClientChannel client : departed) {
            report(client);
        }
        departed.clear();
    }

    private void remove(ClientChannel client) {
        dropped += client.unsent(log.tail());
        ClientChannel last = clients.remove(clients.size() - 1);
        if (last != client) {
            last.index = client.index;
            clients.set(client.index, last);
        }
        connected = clients.size();
    }

    private void report(ClientChannel client) {
        try {
            listener.clientDisconnected(client.address, client.sent(), client.dropped());
        } catch (RuntimeException e) {
            LOG.warn("the relay's listener failed on client {}", client.address, e);
        }
    }

    /** Closes the listening socket and every connection, and the selector; reports each client. */
    private void closeAll() {
        departed.forEach(this::report);
        departed.clear();
        closeQuietly(serverChannel);
        while (!clients.isEmpty()) {
            ClientChannel client = clients.get(clients.size() - 1);
            remove(client);
            closeQuietly(client.channel);
            report(client);
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
