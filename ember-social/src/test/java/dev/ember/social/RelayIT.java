package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay over real loopback sockets. */
@Timeout(30)
class RelayIT {

    /** Counts clients coming and going, so a test can wait for them instead of sleeping. */
    private static final class Clients implements Relay.Listener {
        final Semaphore connected = new Semaphore(0);
        final BlockingQueue<long[]> gone = new LinkedBlockingQueue<>();

        @Override
        public void clientConnected(SocketAddress client) {
            connected.release();
        }

        @Override
        public void clientDisconnected(SocketAddress client, long sent, long dropped) {
            gone.add(new long[] {sent, dropped});
        }

        void awaitConnected(int n) throws InterruptedException {
            assertTrue(connected.tryAcquire(n, 10, TimeUnit.SECONDS), "clients connected");
        }
    }

    private static Socket connect(Relay relay) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), relay.port());
    }

    private static CompletableFuture<List<String>> readAll(Socket socket) {
        return CompletableFuture.supplyAsync(
                () -> {
                    List<String> lines = new ArrayList<>();
                    try (BufferedReader in =
                            new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return lines;
                });
    }

    @Test
    void relaysEachMatchingPostAsOneLineToEveryClient() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        try (Relay relay =
                Relay.builder(source)
                        .track(KeywordFilter.of("messi"))
                        .port(0)
                        .listener(clients)
                        .start()) {
            try (Socket first = connect(relay);
                    Socket second = connect(relay)) {
                clients.awaitConnected(2);
                CompletableFuture<List<String>> firstLines = readAll(first);
                CompletableFuture<List<String>> secondLines = readAll(second);

                source.add(
                        "Messi scores\nagain #messi",
                        "nothing to see",
                        "¡Golazo de MESSI!\r\n🐐\u2028olé",
                        "messinho is not him");
                source.end();
                relay.awaitTermination();

                List<String> expected =
                        List.of("Messi scores again #messi", "¡Golazo de MESSI! 🐐 olé");
                assertEquals(expected, firstLines.get(10, TimeUnit.SECONDS));
                assertEquals(expected, secondLines.get(10, TimeUnit.SECONDS));
                assertEquals(new Relay.Stats(4, 2, 4, 0, 0, 0, 0), relay.stats());
                assertArrayEquals(new long[] {2, 0}, clients.gone.poll(10, TimeUnit.SECONDS));
                assertArrayEquals(new long[] {2, 0}, clients.gone.poll(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void startsTheSourceWhenTheFirstClientConnects() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        try (Relay relay = Relay.builder(source).port(0).listener(clients).start()) {
            assertFalse(source.hasStarted());
            try (Socket client = connect(relay)) {
                clients.awaitConnected(1);
                CompletableFuture<List<String>> lines = readAll(client);
                source.add("hello", "world");
                source.end();
                assertEquals(List.of("hello", "world"), lines.get(10, TimeUnit.SECONDS));
                assertTrue(source.hasStarted());
            }
        }
    }

    @Test
    void aSlowClientLosesItsOldestLinesWholeWithoutHoldingUpTheOthers() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        int total = 4000;
        String padding = "x".repeat(2000);
        try (Relay relay =
                Relay.builder(source)
                        .port(0)
                        .clientBufferBytes(16 * 1024)
                        .listener(clients)
                        .start()) {
            Socket slow = new Socket();
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
            try (Socket fast = connect(relay)) {
                clients.awaitConnected(2);
                // The fast client acknowledges each line, and the next post comes only then,
                // while the slow one reads nothing until the end.
                Semaphore read = new Semaphore(0);
                CompletableFuture<Integer> fastReader =
                        CompletableFuture.supplyAsync(
                                () -> {
                                    int n = 0;
                                    try (BufferedReader in =
                                            new BufferedReader(
                                                    new InputStreamReader(
                                                            fast.getInputStream(),
                                                            StandardCharsets.UTF_8))) {
                                        for (String line; (line = in.readLine()) != null; ) {
                                            assertEquals(n + " " + padding, line);
                                            n++;
                                            read.release();
                                        }
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                    return n;
                                });
                for (int i = 0; i < total; i++) {
                    source.add(i + " " + padding);
                    assertTrue(read.tryAcquire(10, TimeUnit.SECONDS), "fast client read line " + i);
                }
                Relay.Stats during = relay.stats();
                assertTrue(during.dropped() > 0, during::toString);
                // Neither sent nor dropped yet: the slow client's lines still in the log (16 KiB
                // holds 8 of these), the one it is in the middle of, one evicted but not yet
                // counted, and the fast client's last line while its count is updated.
                long pending = 2L * total - during.sent() - during.dropped();
                assertTrue(pending >= 0 && pending <= 11, during::toString);

                // Ending the source drains the buffers: the fast client gets everything, the slow
                // one what fits before the drain gives up on it and closes its connection.
                source.end();
                relay.awaitTermination();
                assertEquals(total, fastReader.get(10, TimeUnit.SECONDS));
                List<long[]> gone = List.of(clients.gone.take(), clients.gone.take());
                long[] fastCounts = gone.get(0)[1] == 0 ? gone.get(0) : gone.get(1);
                long[] slowCounts = gone.get(0)[1] == 0 ? gone.get(1) : gone.get(0);
                assertArrayEquals(new long[] {total, 0}, fastCounts);
                assertTrue(slowCounts[1] > 0, "the slow client dropped lines");
                assertEquals(total, slowCounts[0] + slowCounts[1]);

                // What the slow client got is whole lines, in order, as many as were sent to it,
                // and maybe the start of the line being written when the drain gave up on it.
                String slowText =
                        new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                List<String> slowLines = List.of(slowText.split("\n", -1));
                String cutShort = slowLines.get(slowLines.size() - 1);
                List<String> whole = slowLines.subList(0, slowLines.size() - 1);
                assertEquals(slowCounts[0], whole.size());
                int previous = -1;
                for (String line : whole) {
                    int space = line.indexOf(' ');
                    int n = Integer.parseInt(line.substring(0, space));
                    assertTrue(n > previous, () -> "line " + n + " after line " + whole);
                    assertEquals(padding, line.substring(space + 1));
                    previous = n;
                }
                assertTrue(cutShort.matches("(\\d+( x{0,1999})?)?"), cutShort);
            } finally {
                slow.close();
            }
        }
    }

    @Test
    void refusesAClientBeyondTheMaximumWithALineSayingSo() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        try (Relay relay = Relay.builder(source).port(0).maxClients(2).listener(clients).start();
                Socket first = connect(relay);
                Socket second = connect(relay)) {
            clients.awaitConnected(2);
            try (Socket third = connect(relay)) {
                assertEquals(
                        List.of(
                                "relay full: it already serves its maximum of 2 clients; try"
                                        + " again later"),
                        readAll(third).get(10, TimeUnit.SECONDS));
            }
            assertEquals(new Relay.Stats(0, 0, 0, 0, 2, 0, 1), relay.stats());

            // Once a client leaves, there is room again.
            first.close();
            assertArrayEquals(new long[] {0, 0}, clients.gone.poll(10, TimeUnit.SECONDS));
            try (Socket fourth = connect(relay)) {
                clients.awaitConnected(1);
                CompletableFuture<List<String>> lines = readAll(fourth);
                source.add("room again");
                source.end();
                assertEquals(List.of("room again"), lines.get(10, TimeUnit.SECONDS));
            }
            relay.awaitTermination();
            assertEquals(new Relay.Stats(1, 1, 2, 0, 0, 0, 1), relay.stats());
        }
    }

    @Test
    void noticesAClientThatLeavesWhileNothingIsWrittenToIt() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        try (Relay relay =
                Relay.builder(source)
                        .track(KeywordFilter.of("messi"))
                        .port(0)
                        .listener(clients)
                        .start()) {
            for (int i = 0; i < 20; i++) {
                try (Socket client = connect(relay)) {
                    clients.awaitConnected(1);
                    source.add("nothing about him");
                }
                assertArrayEquals(new long[] {0, 0}, clients.gone.poll(10, TimeUnit.SECONDS));
            }
            source.awaitDelivered(20);
            assertEquals(new Relay.Stats(20, 0, 0, 0, 0, 0, 0), relay.stats());
        }
    }

    @Test
    void closeWritesTheBufferedLinesAndEndsTheConnections() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        Relay relay = Relay.builder(source).port(0).listener(clients).start();
        try (Socket client = connect(relay)) {
            clients.awaitConnected(1);
            CompletableFuture<List<String>> lines = readAll(client);
            source.add("one", "two");
            source.awaitDelivered(2);
            relay.close();
            relay.close();
            assertTrue(source.isClosed());
            assertEquals(List.of("one", "two"), lines.get(10, TimeUnit.SECONDS));
            assertTrue(relay.awaitTermination(0));
        }
    }

    @Test
    void aSourceThatCannotGoOnEndsTheRelayWithItsError() throws Exception {
        QueueSource source = new QueueSource();
        Clients clients = new Clients();
        try (Relay relay = Relay.builder(source).port(0).listener(clients).start();
                Socket client = connect(relay)) {
            clients.awaitConnected(1);
            CompletableFuture<List<String>> lines = readAll(client);
            source.add("last words");
            SourceException rejected = new SourceException("the token was rejected");
            source.failWith(rejected);
            SourceException thrown = assertThrows(SourceException.class, relay::awaitTermination);
            assertSame(rejected, thrown);
            assertEquals(List.of("last words"), lines.get(10, TimeUnit.SECONDS));
            assertTrue(source.isClosed());
        }
    }

    @Test
    void aSourceThatThrowsAnErrorEndsTheRelayWithIt() throws Exception {
        Error error = new StackOverflowError("deep in a parser");
        PostSource failing =
                new PostSource() {
                    @Override
                    public String description() {
                        return "broken";
                    }

                    @Override
                    public void run(Consumer<Post> sink) {
                        throw error;
                    }

                    @Override
                    public long skippedCount() {
                        return 0;
                    }

                    @Override
                    public void close() {}
                };
        Clients clients = new Clients();
        try (Relay relay = Relay.builder(failing).port(0).listener(clients).start();
                Socket client = connect(relay)) {
            CompletableFuture<List<String>> lines = readAll(client);
            SourceException thrown = assertThrows(SourceException.class, relay::awaitTermination);
            assertEquals("source broken failed", thrown.getMessage());
            assertSame(error, thrown.getCause());
            assertEquals(List.of(), lines.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheRelay() throws Exception {
        QueueSource source = new QueueSource();
        Semaphore told = new Semaphore(0);
        Relay.Listener throwing =
                new Relay.Listener() {
                    @Override
                    public void clientConnected(SocketAddress client) {
                        told.release();
                        throw new IllegalStateException("listener bug");
                    }
                };
        try (Relay relay = Relay.builder(source).port(0).listener(throwing).start();
                Socket client = connect(relay)) {
            assertTrue(told.tryAcquire(10, TimeUnit.SECONDS));
            CompletableFuture<List<String>> lines = readAll(client);
            source.add("still relayed");
            source.end();
            assertEquals(List.of("still relayed"), lines.get(10, TimeUnit.SECONDS));
            relay.awaitTermination();
        }
    }

    @Test
    void saysWhichPortIsInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            UncheckedIOException e =
                    assertThrows(
                            UncheckedIOException.class,
                            () -> Relay.builder(new QueueSource()).port(port).start());
            assertTrue(
                    e.getMessage()
                            .startsWith("the relay cannot listen on 127.0.0.1:" + port + " ("),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .endsWith("is another program using the port? Choose another one"),
                    e.getMessage());
        }
    }

    @Test
    void optionsAreSetOnceAndValidated() {
        Relay.Builder builder = Relay.builder(new QueueSource()).port(5556);
        IllegalStateException twice =
                assertThrows(IllegalStateException.class, () -> builder.port(1));
        assertEquals(
                "relay option port was already set to 5556; set each option once",
                twice.getMessage());
        assertEquals(
                "relay port must be between 0 (any free port) and 65535, got 70000",
                assertThrows(IllegalArgumentException.class, () -> builder.port(70000))
                        .getMessage());
        assertEquals(
                "relay client buffer must be at least 1024 bytes, got 10; give it a few MiB,"
                        + " such as 4194304 (4 MiB, the default)",
                assertThrows(IllegalArgumentException.class, () -> builder.clientBufferBytes(10))
                        .getMessage());
        assertEquals(
                "relay must serve at least 1 client at once, got a maximum of 0",
                assertThrows(IllegalArgumentException.class, () -> builder.maxClients(0))
                        .getMessage());
        assertEquals(
                "relay backlog must be at least 1 connection, got 0",
                assertThrows(IllegalArgumentException.class, () -> builder.backlog(0))
                        .getMessage());
    }
}
