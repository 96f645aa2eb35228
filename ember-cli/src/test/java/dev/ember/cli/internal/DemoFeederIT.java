package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DemoFeederIT {

    @Test
    void sendsTheSameDeterministicLinesToEveryClient() throws IOException {
        try (DemoFeeder feeder = DemoFeeder.start(1000);
                Socket first = new Socket(DemoFeeder.HOST, feeder.port());
                Socket second = new Socket(DemoFeeder.HOST, feeder.port())) {
            BufferedReader a = reader(first);
            BufferedReader b = reader(second);
            DemoText expected = new DemoText(DemoText.SEED);
            for (int i = 0; i < 200; i++) {
                String line = expected.nextLine();
                assertEquals(line, a.readLine());
                assertEquals(line, b.readLine());
            }
        }
    }

    @Test
    void closingDisconnectsClients() throws IOException {
        Socket client;
        BufferedReader in;
        try (DemoFeeder feeder = DemoFeeder.start(100)) {
            client = new Socket(DemoFeeder.HOST, feeder.port());
            in = reader(client);
            in.readLine();
        }
        try (client) {
            client.setSoTimeout(10_000);
            // Drains what was sent before the close, then sees the end of the stream.
            while (in.readLine() != null) {}
        }
    }

    @Test
    void rejectsRatesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> DemoFeeder.start(0));
        assertThrows(
                IllegalArgumentException.class, () -> DemoFeeder.start(DemoFeeder.MAX_RATE + 1));
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }
}
