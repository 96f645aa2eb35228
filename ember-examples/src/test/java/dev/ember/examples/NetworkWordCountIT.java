package dev.ember.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the network word count end to end on the local runner: a real loopback server in place of
 * {@code nc -lk}, real batches every 200 ms, and the printed output.
 */
class NetworkWordCountIT {
    private static final String DASHES = "-".repeat(43);
    private static final Pattern PRINTED_BATCH =
            Pattern.compile(DASHES + "\nTime: (\\d+) ms\n" + DASHES + "\n((?:[^\n]+\n)*)\n");
    private static final int TIMEOUT_MILLIS = 10_000;

    @Test
    void countsWordsOfEachBatchAndReconnectsWhenTheServerRestarts() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StreamingContext ssc =
                new StreamingContext("local[2]", "NetworkWordCountIT", Durations.milliseconds(200));
        ssc.setPrintStream(new PrintStream(captured, true, UTF_8));
        ServerSocket server = server(0);
        int port = server.getLocalPort();
        try {
            NetworkWordCount.wordCounts(ssc.socketTextStream("localhost", port)).print();
            ssc.start();

            PrintedBatch batch;
            try (Socket client = server.accept()) {
                write(client, "hello world hello\n");
                batch = awaitBatchWith("(hello,2)", 0, captured);
            }

            assertEquals(Set.of("(hello,2)", "(world,1)"), new HashSet<>(batch.elements));
            assertEquals(2, batch.elements.size(), batch.text);
            assertEquals(
                    DASHES
                            + "\nTime: "
                            + batch.time
                            + " ms\n"
                            + DASHES
                            + "\n"
                            + String.join("\n", batch.elements)
                            + "\n\n",
                    batch.text);
            assertEquals(0, batch.time % 200, "batch time " + batch.time);

            // The server goes away and comes back on the same port, as when nc is restarted.
            server.close();
            server = server(port);
            try (Socket client = server.accept()) {
                write(client, "again\n");
                PrintedBatch later = awaitBatchWith("(again,1)", batch.time, captured);
                assertEquals(List.of("(again,1)"), later.elements);
            }
        } finally {
            ssc.stop();
            server.close();
        }
    }

    private record PrintedBatch(long time, List<String> elements, String text) {}

    /** Waits for a printed batch later than {@code after} that holds {@code element}. */
    private static PrintedBatch awaitBatchWith(
            String element, long after, ByteArrayOutputStream captured)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (System.nanoTime() - deadline < 0) {
            Matcher m = PRINTED_BATCH.matcher(captured.toString(UTF_8));
            while (m.find()) {
                long time = Long.parseLong(m.group(1));
                List<String> elements =
                        m.group(2).isEmpty()
                                ? List.of()
                                : new ArrayList<>(Arrays.asList(m.group(2).split("\n")));
                if (time > after && elements.contains(element)) {
                    return new PrintedBatch(time, elements, m.group());
                }
            }
            // A real-time test of a real-time program: batches are printed every 200 ms.
            Thread.sleep(20);
        }
        fail(
                "no batch with "
                        + element
                        + " printed within "
                        + TIMEOUT_MILLIS
                        + " ms; output:\n"
                        + captured.toString(UTF_8));
        throw new AssertionError("unreachable");
    }

    private static ServerSocket server(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.setSoTimeout(TIMEOUT_MILLIS);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return server;
    }

    private static void write(Socket client, String text) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(text.getBytes(UTF_8));
        out.flush();
    }
}
