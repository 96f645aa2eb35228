package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.cli.Ember;
import dev.ember.social.KeywordFilter;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ember relay} as a real process under hostile but realistic use, on loopback only: a
 * thousand clients connecting at once, ten thousand that connect and leave while nothing matches,
 * and a descriptor limit it runs into. The relay's threads and descriptors are read from {@code
 * /proc}, so these tests run on Linux. Each test prints the figures it measured.
 */
@Timeout(240)
class RelayLoadIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on port: (\\d+)");
    private static final Pattern FINAL_COUNTS =
            Pattern.compile("ember relay: received (\\d+), matched (\\d+), sent (\\d+), clients 0");
    private static final long WAIT_SECONDS = 90;

    private final List<RelayProcess> relays = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        relays.forEach(relay -> relay.process.destroyForcibly());
    }

    private RelayProcess relay(int descriptorLimit, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (descriptorLimit > 0) {
            command.addAll(
                    List.of("bash", "-c", "ulimit -n " + descriptorLimit + " && exec \"$@\"", "-"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Ember.class.getName());
        command.add("relay");
        command.addAll(List.of(args));
        // One stream for both outputs keeps their order: a log line comes after the clients the
        // relay reported before it.
        RelayProcess relay =
                new RelayProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        relays.add(relay);
        return relay;
    }

    @Test
    void aThousandClientsConnectingAtOnceAreAllAcceptedAndAllReceiveTheSameLines()
            throws Exception {
        int count = 1000;
        RelayProcess relay =
                relay(0, "--source", "demo", "--track", "messi", "--rate", "400", "--port", "0");
        InetSocketAddress address =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port());

        try (Selector selector = Selector.open()) {
            long start = System.nanoTime();
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                clients.add(Client.connect(selector, address));
            }
            pump(selector, clients, c -> c.connected, "every connection to succeed");
            assertTrue(
                    relay.connected.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS),
                    () -> "the relay accepted " + relay.connectedCount + " of " + count);
            long acceptedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            pump(selector, clients, c -> c.lines().size() >= 3, "3 lines for every client");
            Usage usage = Usage.of(relay.pid);
            relay.process.toHandle().destroy();
            pump(selector, clients, c -> c.ended, "every connection to end");
            relay.awaitExit();

            // The source started with the first client, which therefore got every match; each
            // other client got the same lines from the moment it was accepted to the end.
            List<String> first = clients.get(0).lines();
            long total = 0;
            int shortest = Integer.MAX_VALUE;
            for (Client client : clients) {
                List<String> lines = client.lines();
                assertEquals(
                        first.subList(first.size() - lines.size(), first.size()),
                        lines,
                        "a client's lines are the end of the first client's");
                total += lines.size();
                shortest = Math.min(shortest, lines.size());
            }
            Matcher counts = relay.finalCounts();
            assertEquals(first.size(), Long.parseLong(counts.group(2)), "matched");
            assertEquals(total, Long.parseLong(counts.group(3)), "sent");
            assertTrue(
                    relay.disconnected.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS),
                    () -> "the relay saw " + relay.disconnectedCount + " clients leave");
            for (String line : first) {
                assertTrue(KeywordFilter.of("messi").matches(line), line);
            }
            System.out.printf(
                    "relay, %d clients at once: all accepted %d ms after the first connect;"
                            + " %d lines sent (each client at least %d, all of them %d); relay"
                            + " %s%n",
                    count, acceptedMillis, total, shortest, first.size(), usage);
        }
    }

    @Test
    void tenThousandClientsThatConnectAndLeaveLeaveThreadAndDescriptorCountsFlat()
            throws Exception {
        int warmUp = 200;
        int cycles = 10_000;
        RelayProcess relay =
                relay(
                        0,
                        "--source",
                        "demo",
                        "--track",
                        "nevermatchingword",
                        "--rate",
                        "400",
                        "--port",
                        "0");
        InetSocketAddress address =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port());
        // The first client starts the source thread; a few hundred let the JVM settle.
        connectAndLeave(address, warmUp);
        awaitDepartures(relay, warmUp);
        Usage before = Usage.of(relay.pid);

        long start = System.nanoTime();
        connectAndLeave(address, cycles);
        awaitDepartures(relay, cycles);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Usage after = Usage.of(relay.pid);

        // The relay's own threads (network, source, progress) and its sockets (the listening one,
        // and one the JDK keeps to close sockets with) are exactly as before; the JVM's own
        // threads and files (compiler and collector threads started on demand, jars opened
        // lazily) may come and go by a few.
        assertEquals(3, before.relayThreads, before::toString);
        assertEquals(before.relayThreads, after.relayThreads, after::toString);
        assertTrue(before.sockets <= 2, before::toString);
        assertEquals(before.sockets, after.sockets, after::toString);
        assertTrue(after.threads <= before.threads + 4, () -> before + " then " + after);
        assertTrue(after.descriptors <= before.descriptors + 4, () -> before + " then " + after);
        assertEquals(warmUp + cycles, relay.connectedCount.get());

        relay.process.toHandle().destroy();
        relay.awaitExit();
        Matcher counts = relay.finalCounts();
        assertEquals("0", counts.group(2), "matched");
        System.out.printf(
                "relay, %d connect-and-leave cycles in %d ms: before %s; after %s%n",
                cycles, millis, before, after);
    }

    @Test
    void survivesRunningOutOfDescriptorsAndServesNewClientsOnceTheyAreFree() throws Exception {
        int count = 400;
        RelayProcess relay =
                relay(256, "--source", "demo", "--track", "messi", "--rate", "400", "--port", "0");
        InetSocketAddress address =
                new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port());

        try (Selector selector = Selector.open()) {
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                clients.add(Client.connect(selector, address));
            }
            String early =
                    relay.awaitLog(
                            line -> line.contains("fewer than the relay's client limit of 1000"),
                            "a warning at the start");
            assertTrue(early.contains("(its limit is 256)"), early);
            pump(selector, clients, c -> c.connected, "every connection to succeed");
            String warning =
                    relay.awaitLog(line -> line.contains("cannot accept clients"), "a warning");
            assertTrue(warning.contains("(Too many open files)"), warning);
            Usage exhausted = Usage.of(relay.pid);

            // Accepting is paused: the clients it has are served, the others wait.
            int accepted = relay.connectedCount.get();
            assertTrue(accepted < count, () -> accepted + " accepted under 256 descriptors");
            pump(
                    selector,
                    clients,
                    () -> clients.stream().filter(c -> !c.lines().isEmpty()).count() == accepted,
                    "a line for each of the " + accepted + " clients accepted");
            assertEquals(accepted, relay.connectedCount.get());
            assertTrue(relay.process.isAlive());

            // Releasing the descriptors lets the waiting clients in (they leave at once).
            long released = System.nanoTime();
            for (Client client : clients) {
                client.channel.close();
            }
            assertTrue(
                    relay.connected.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS),
                    () -> "the relay accepted " + relay.connectedCount + " of " + count);
            assertTrue(
                    relay.disconnected.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS),
                    () -> "the relay saw " + relay.disconnectedCount + " clients leave");
            long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);

            // A new client is served as before.
            try (Socket fresh = new Socket(address.getAddress(), address.getPort())) {
                fresh.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                BufferedReader in =
                        new BufferedReader(
                                new InputStreamReader(
                                        fresh.getInputStream(), StandardCharsets.UTF_8));
                for (int i = 0; i < 3; i++) {
                    String line = in.readLine();
                    assertTrue(line != null && KeywordFilter.of("messi").matches(line), line);
                }
            }
            Usage after = Usage.of(relay.pid);
            relay.process.toHandle().destroy();
            relay.awaitExit();
            assertEquals(
                    1,
                    relay.logLines().stream()
                            .filter(line -> line.contains("cannot accept clients"))
                            .count(),
                    "the exhaustion is logged once");
            System.out.printf(
                    "relay under ulimit -n 256: %d of %d clients accepted before descriptors ran"
                            + " out (%s); the other %d accepted %d ms after the clients left;"
                            + " then a new client served (%s)%n",
                    accepted, count, exhausted, count - accepted, recoveredMillis, after);
        }
    }

    private static void connectAndLeave(InetSocketAddress address, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            new Socket(address.getAddress(), address.getPort()).close();
        }
    }

    private static void awaitDepartures(RelayProcess relay, int n) throws InterruptedException {
        assertTrue(
                relay.disconnected.tryAcquire(n, WAIT_SECONDS, TimeUnit.SECONDS),
                () -> "the relay saw " + relay.disconnectedCount + " clients leave");
    }

    private static void pump(
            Selector selector, List<Client> clients, Predicate<Client> each, String what)
            throws IOException {
        pump(selector, clients, () -> clients.stream().allMatch(each), what);
    }

    /**
     * Connects and reads every client's channel until {@code done}, failing after {@link
     * #WAIT_SECONDS}. The selector waits for the sockets; its timeout only bounds the wait.
     */
    private static void pump(
            Selector selector,
            List<Client> clients,
            java.util.function.BooleanSupplier done,
            String what)
            throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        while (!done.getAsBoolean()) {
            assertTrue(
                    System.nanoTime() - deadline < 0,
                    () ->
                            "waited "
                                    + WAIT_SECONDS
                                    + " s for "
                                    + what
                                    + "; clients with lines: "
                                    + clients.stream().filter(c -> !c.lines().isEmpty()).count());
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                ((Client) key.attachment()).ready(key, buffer);
            }
            selector.selectedKeys().clear();
        }
    }

    /** One client channel, non-blocking, and the bytes it received. */
    private static final class Client {
        final SocketChannel channel;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean connected;
        boolean ended;

        private Client(SocketChannel channel) {
            this.channel = channel;
        }

        static Client connect(Selector selector, InetSocketAddress address) throws IOException {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            Client client = new Client(channel);
            if (channel.connect(address)) {
                client.connected = true;
                channel.register(selector, SelectionKey.OP_READ, client);
            } else {
                channel.register(selector, SelectionKey.OP_CONNECT, client);
            }
            return client;
        }

        void ready(SelectionKey key, ByteBuffer buffer) throws IOException {
            if (key.isConnectable() && channel.finishConnect()) {
                connected = true;
                key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    ended = true;
                    key.cancel();
                } else {
                    received.write(buffer.array(), 0, n);
                }
            }
        }

        /** The whole lines received so far. */
        List<String> lines() {
            String text = received.toString(StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
        }
    }

    /** Threads and descriptors of a process, from {@code /proc}, and its memory. */
    private record Usage(
            int threads,
            int relayThreads,
            int descriptors,
            int sockets,
            String peakMemory,
            String memory) {

        static Usage of(long pid) throws IOException {
            Path proc = Path.of("/proc", String.valueOf(pid));
            int threads = 0;
            int relayThreads = 0;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    threads++;
                    if (read(task.resolve("comm")).startsWith("ember-relay")) {
                        relayThreads++;
                    }
                }
            }
            int descriptors = 0;
            int sockets = 0;
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                for (Path fd : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        descriptors++;
                        if (target.startsWith("socket:")) {
                            sockets++;
                        }
                    } catch (NoSuchFileException closedMeanwhile) {
                        // not open any more
                    }
                }
            }
            String status = read(proc.resolve("status"));
            return new Usage(
                    threads,
                    relayThreads,
                    descriptors,
                    sockets,
                    field(status, "VmHWM"),
                    field(status, "VmRSS"));
        }

        private static String read(Path file) throws IOException {
            try {
                return Files.readString(file);
            } catch (NoSuchFileException endedMeanwhile) {
                return "";
            }
        }

        private static String field(String status, String name) {
            return status.lines()
                    .filter(line -> line.startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElse("?");
        }

        @Override
        public String toString() {
            return threads
                    + " threads ("
                    + relayThreads
                    + " of the relay), "
                    + descriptors
                    + " descriptors ("
                    + sockets
                    + " sockets), peak RSS "
                    + peakMemory
                    + ", RSS "
                    + memory;
        }
    }

    /**
     * A relay process: its port, the clients it reports on standard output, and the other lines of
     * standard output and error (the log and the counts), in the order they were written.
     */
    private static final class RelayProcess {
        private static final String EOF = "\u0000EOF";

        final Process process;
        final long pid;
        final Semaphore connected = new Semaphore(0);
        final Semaphore disconnected = new Semaphore(0);
        final AtomicInteger connectedCount = new AtomicInteger();
        final AtomicInteger disconnectedCount = new AtomicInteger();
        private final CompletableFuture<Integer> port = new CompletableFuture<>();
        private final BlockingQueue<String> log = new LinkedBlockingQueue<>();
        private final List<String> logSeen = new ArrayList<>();

        RelayProcess(Process process) {
            this.process = process;
            this.pid = process.pid();
            CompletableFuture.runAsync(this::readOutput);
        }

        private void readOutput() {
            try (BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(
                                    process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.matches()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    } else if (line.startsWith("Received request from: ")) {
                        connectedCount.incrementAndGet();
                        connected.release();
                    } else if (line.startsWith("Client ")
                            && line.contains(" disconnected after ")) {
                        disconnectedCount.incrementAndGet();
                        disconnected.release();
                    } else {
                        log.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                log.add(EOF);
            }
        }

        int port() throws Exception {
            return port.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        /** Waits for a log line that {@code matches}, and returns it. */
        String awaitLog(Predicate<String> matches, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                String line = log.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertTrue(
                        line != null && !line.equals(EOF),
                        () -> "expected " + what + " in the relay's log, got " + logSeen);
                logSeen.add(line);
                if (matches.test(line)) {
                    return line;
                }
            }
        }

        /** Waits for the process to end; stopped by a signal, its status is the signal's. */
        void awaitExit() throws InterruptedException {
            assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "the relay exited");
        }

        /** Every log line, once the process has ended. */
        List<String> logLines() throws InterruptedException {
            for (String line; !(line = log.poll(WAIT_SECONDS, TimeUnit.SECONDS)).equals(EOF); ) {
                logSeen.add(line);
            }
            log.add(EOF);
            return logSeen;
        }

        /** The last line, the final counts, once the process has ended. */
        Matcher finalCounts() throws InterruptedException {
            List<String> lines = logLines();
            String last = lines.get(lines.size() - 1);
            Matcher m = FINAL_COUNTS.matcher(last);
            assertTrue(m.matches(), () -> "final counts: " + lines);
            return m;
        }
    }
}
