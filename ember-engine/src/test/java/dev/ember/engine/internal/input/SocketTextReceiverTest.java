package dev.ember.engine.internal.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.spi.ReceiverSupervisor;
import dev.ember.streaming.Durations;
import dev.ember.streaming.SocketOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the receiver against real loopback servers. */
public class SocketTextReceiverTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int TIMEOUT_MILLIS = 5_000;
    private static final SocketOptions FAST_RETRY =
            SocketOptions.defaults()
                    .withBackoff(Durations.milliseconds(10), Durations.milliseconds(50));
    private static final SocketOptions SLOW_RETRY =
            SocketOptions.defaults().withBackoff(Durations.seconds(60), Durations.seconds(60));

    private final RecordingSupervisor supervisor = new RecordingSupervisor();
    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    @AfterEach
    void closeEverything() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    @Test
    void deliversEachLineAsSoonAsItArrives() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver = start(server.getLocalPort(), FAST_RETRY);
        OutputStream out = accept(server).getOutputStream();

        write(out, "hello world\n");
        assertEquals("hello world", supervisor.nextLine());

        write(out, "héllo wörld\n日本語\nemoji 😀🎉\n");
        assertEquals(List.of("héllo wörld", "日本語", "emoji 😀🎉"), supervisor.nextLines(3));
        assertEquals(4, receiver.linesReceived());
    }

    @Test
    void connectsToLocalhostByName() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver =
                new SocketTextReceiver("localhost", server.getLocalPort(), FAST_RETRY);
        start(receiver);

        write(accept(server).getOutputStream(), "by name\n");

        assertEquals("by name", supervisor.nextLine());
    }

    @Test
    void joinsLinesAndCharactersSplitAcrossTcpWrites() throws Exception {
        ServerSocket server = server(0);
        start(server.getLocalPort(), FAST_RETRY);
        OutputStream out = accept(server).getOutputStream();
        byte[] o = "ö".getBytes(UTF_8);

        write(out, "héllo w");
        write(out, Arrays.copyOfRange(o, 0, 1));
        write(out, Arrays.copyOfRange(o, 1, 2));
        write(out, "rld\n日");
        write(out, "本語\n");

        assertEquals(List.of("héllo wörld", "日本語"), supervisor.nextLines(2));
    }

    @Test
    void joinsLinesAcrossReadBufferRefills() throws Exception {
        ServerSocket server = server(0);
        start(server.getLocalPort(), FAST_RETRY);
        OutputStream out = accept(server).getOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(i % 1000 == 0 ? "日本語😀".repeat(12_000 + i) : "line " + i + " héllo");
        }

        write(out, String.join("\n", expected) + "\n");

        int bytes = (String.join("\n", expected) + "\n").getBytes(UTF_8).length;
        assertTrue(bytes > 10 * SocketTextReceiver.READ_BUFFER_BYTES, "payload of " + bytes);
        List<String> received = supervisor.nextLines(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), received.get(i), "line " + i);
        }
    }

    @Test
    void storesBlocksOfAtMost4096Lines() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver = start(server.getLocalPort(), FAST_RETRY);
        OutputStream out = accept(server).getOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            expected.add(Integer.toString(i));
        }

        write(out, String.join("\n", expected) + "\n");

        assertEquals(expected, supervisor.nextLines(expected.size()));
        List<Integer> sizes = supervisor.blockSizes();
        assertEquals(10_000, sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().allMatch(s -> s <= SocketTextReceiver.BLOCK_LINES), "" + sizes);
        assertEquals(10_000, receiver.linesReceived());
    }

    @Test
    void stripsCarriageReturnsAndKeepsEmptyLines() throws Exception {
        ServerSocket server = server(0);
        start(server.getLocalPort(), FAST_RETRY);

        write(accept(server).getOutputStream(), "a\r\nb\r\n\r\n\nc\rd\n");

        assertEquals(List.of("a", "b", "", "", "c\rd"), supervisor.nextLines(5));
    }

    @Test
    void skipsAnOversizedLineAndKeepsTheLinesAroundIt() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver =
                start(server.getLocalPort(), FAST_RETRY.withMaxLineBytes(1000));
        OutputStream out = accept(server).getOutputStream();

        write(out, "before\n" + "x".repeat(200_000) + "\nafter\n");
        write(out, "y".repeat(1001) + "\n" + "z".repeat(1000) + "\n");

        assertEquals(List.of("before", "after", "z".repeat(1000)), supervisor.nextLines(3));
        assertEquals(2, receiver.oversizedLines());
        assertEquals(3, receiver.linesReceived());
    }

    @Test
    void deliversTheUnfinishedLastLineWhenTheServerCloses() throws Exception {
        ServerSocket server = server(0);
        start(server.getLocalPort(), FAST_RETRY);

        try (Socket client = accept(server)) {
            write(client.getOutputStream(), "a\nlast");
        }

        assertEquals(List.of("a", "last"), supervisor.nextLines(2));
    }

    @Test
    void reconnectsToANewServerOnTheSamePortAfterTheServerCloses() throws Exception {
        ServerSocket first = server(0);
        int port = first.getLocalPort();
        start(port, FAST_RETRY);
        try (Socket client = accept(first)) {
            write(client.getOutputStream(), "one\n");
            assertEquals("one", supervisor.nextLine());
        }
        first.close();

        ServerSocket second = server(port);
        write(accept(second).getOutputStream(), "two\n");

        assertEquals("two", supervisor.nextLine());
        assertEquals(List.of(), supervisor.restarts());
    }

    @Test
    void keepsRetryingARefusedConnectionUntilTheServerAppears() throws Exception {
        int port = freePort();
        SocketTextReceiver receiver = start(port, FAST_RETRY);
        awaitUntil(() -> receiver.failedConnects() >= 3, "three connection attempts failed");

        ServerSocket server = server(port);
        write(accept(server).getOutputStream(), "late\n");

        assertEquals("late", supervisor.nextLine());
        assertEquals(List.of(), supervisor.restarts());
    }

    @Test
    void keepsRetryingAnUnknownHost() {
        SocketTextReceiver receiver = new SocketTextReceiver("no-such-host.invalid", 9, FAST_RETRY);
        start(receiver);

        awaitUntil(() -> receiver.failedConnects() >= 2, "two lookups failed");

        assertTrue(receiver.receivingThread().isAlive());
        assertEquals(List.of(), supervisor.restarts());
    }

    @Test
    void stopEndsTheThreadPromptlyWhileConnected() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver = start(server.getLocalPort(), SLOW_RETRY);
        Socket client = accept(server);
        write(client.getOutputStream(), "x\n");
        assertEquals("x", supervisor.nextLine());
        Thread thread = receiver.receivingThread();

        receiver.onStop();

        thread.join(TIMEOUT_MILLIS);
        assertFalse(thread.isAlive(), "receiving thread still alive after onStop");
        assertEquals(-1, client.getInputStream().read(), "connection not closed by onStop");
    }

    @Test
    void stopEndsTheThreadPromptlyWhileBackingOff() throws Exception {
        SocketTextReceiver receiver = start(freePort(), SLOW_RETRY);
        awaitUntil(() -> receiver.failedConnects() >= 1, "the first connection attempt failed");
        Thread thread = receiver.receivingThread();

        receiver.onStop();

        thread.join(TIMEOUT_MILLIS);
        assertFalse(thread.isAlive(), "receiving thread still waiting out a 60 s backoff");
    }

    @Test
    void endsTheThreadWhenTheSupervisorStopsWithoutCallingOnStop() throws Exception {
        SocketTextReceiver receiver = start(freePort(), SLOW_RETRY);
        awaitUntil(() -> receiver.failedConnects() >= 1, "the first connection attempt failed");
        Thread thread = receiver.receivingThread();

        supervisor.markStopped();

        thread.join(TIMEOUT_MILLIS);
        assertFalse(thread.isAlive(), "receiving thread ignored isStopped()");
    }

    @Test
    void startsAgainAfterStop() throws Exception {
        ServerSocket server = server(0);
        SocketTextReceiver receiver = start(server.getLocalPort(), FAST_RETRY);
        Socket first = accept(server);
        Thread firstThread = receiver.receivingThread();

        receiver.onStop();
        receiver.onStart();

        firstThread.join(TIMEOUT_MILLIS);
        assertFalse(firstThread.isAlive());
        assertEquals(-1, first.getInputStream().read());
        write(accept(server).getOutputStream(), "again\n");
        assertEquals("again", supervisor.nextLine());
    }

    @Test
    void startAndStopAreIdempotent() throws Exception {
        SocketTextReceiver receiver = new SocketTextReceiver("127.0.0.1", 9, SLOW_RETRY);
        ReceiverSupervisor.attach(receiver, supervisor);
        receiver.onStop();
        assertNull(receiver.receivingThread());

        start(receiver);
        Thread thread = receiver.receivingThread();
        assertNotNull(thread);
        assertEquals("ember-socket-receiver-127.0.0.1:9", thread.getName());
        assertTrue(thread.isDaemon());
        receiver.onStart();
        assertSame(thread, receiver.receivingThread());

        receiver.onStop();
        receiver.onStop();
        thread.join(TIMEOUT_MILLIS);
        assertFalse(thread.isAlive());
        assertNull(receiver.receivingThread());
    }

    private SocketTextReceiver start(int port, SocketOptions options) {
        return start(new SocketTextReceiver(LOOPBACK.getHostAddress(), port, options));
    }

    private SocketTextReceiver start(SocketTextReceiver receiver) {
        ReceiverSupervisor.attach(receiver, supervisor);
        receiver.onStart();
        Thread thread = receiver.receivingThread();
        cleanup.push(
                () -> {
                    receiver.onStop();
                    thread.join(TIMEOUT_MILLIS);
                });
        return receiver;
    }

    private ServerSocket server(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.setSoTimeout(TIMEOUT_MILLIS);
        server.bind(new InetSocketAddress(LOOPBACK, port));
        cleanup.push(server);
        return server;
    }

    private Socket accept(ServerSocket server) throws IOException {
        Socket client = server.accept();
        client.setSoTimeout(TIMEOUT_MILLIS);
        cleanup.push(client);
        return client;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        write(out, text.getBytes(UTF_8));
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    // Waits on the receiver's own counters where no event exists to block on; bounded.
    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
