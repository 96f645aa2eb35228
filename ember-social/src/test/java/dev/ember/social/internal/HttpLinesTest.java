package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** Lines from a streamed body, fed chunk by chunk as the HTTP client would. */
class HttpLinesTest {
    private static final Duration LONG = Duration.ofSeconds(5);

    /** Counts what the reader requested and whether it cancelled. */
    private static final class Subscription implements Flow.Subscription {
        long requested;
        boolean cancelled;

        @Override
        public synchronized void request(long n) {
            requested += n;
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
        }
    }

    private final Subscription subscription = new Subscription();

    private HttpLines lines(int maxLineBytes) {
        HttpLines lines = new HttpLines(maxLineBytes);
        lines.onSubscribe(subscription);
        return lines;
    }

    private static List<ByteBuffer> chunk(byte[] bytes, int from, int to) {
        return List.of(ByteBuffer.wrap(bytes, from, to - from));
    }

    private static List<ByteBuffer> chunk(String text) {
        return List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void splitsLinesEndingInCrLfOrLfAcrossChunks() throws Exception {
        HttpLines lines = lines(1024);
        lines.onNext(chunk("{\"a\":1}\r\n\r\n{\"b\""));
        lines.onNext(chunk(":2}\n"));
        lines.onNext(chunk("last"));
        lines.onComplete();

        assertEquals("{\"a\":1}", lines.readLine(LONG));
        assertEquals("", lines.readLine(LONG), "a keep-alive");
        assertEquals("{\"b\":2}", lines.readLine(LONG));
        assertEquals("last", lines.readLine(LONG), "the unfinished last line");
        assertNull(lines.readLine(LONG));
    }

    @Test
    void decodesACharacterSplitBetweenChunks() throws Exception {
        byte[] bytes = "¡Gol! 🐐\n".getBytes(StandardCharsets.UTF_8);
        HttpLines lines = lines(1024);
        lines.onNext(chunk(bytes, 0, 9));
        lines.onNext(chunk(bytes, 9, bytes.length));

        assertEquals("¡Gol! 🐐", lines.readLine(LONG));
    }

    @Test
    void requestsTheNextChunkOnlyAfterTakingOne() throws Exception {
        HttpLines lines = lines(1024);
        assertEquals(1, subscription.requested, "one chunk on subscribing");

        lines.onNext(chunk("a\nb\n"));
        assertEquals(1, subscription.requested, "nothing more before the reader took it");
        assertEquals("a", lines.readLine(LONG));
        assertEquals(2, subscription.requested);
        assertEquals("b", lines.readLine(LONG));
        assertEquals(2, subscription.requested, "b was in the chunk already taken");
    }

    @Test
    void dropsAndCountsLinesLongerThanTheLimit() throws Exception {
        HttpLines lines = lines(8);
        lines.onNext(chunk("short\n0123456"));
        lines.onNext(chunk("789abcdef"));
        lines.onNext(chunk("ghij\nok\n123456789\nend\n"));

        assertEquals("short", lines.readLine(LONG));
        assertEquals("ok", lines.readLine(LONG));
        assertEquals("end", lines.readLine(LONG));
        assertEquals(2, lines.oversizedLines());
    }

    @Test
    void failsWithAnIdleExceptionWhenNothingArrives() {
        HttpLines lines = lines(1024);

        StreamIdleException e =
                assertThrows(StreamIdleException.class, () -> lines.readLine(Duration.ofMillis(1)));
        assertEquals("nothing arrived for 1 ms", e.getMessage());
    }

    @Test
    void cancellingCancelsTheSubscriptionAndFailsTheReader() {
        HttpLines lines = lines(1024);

        lines.cancel();

        assertEquals(true, subscription.cancelled);
        assertThrows(IOException.class, () -> lines.readLine(LONG));
        assertThrows(IOException.class, () -> lines.readLine(LONG), "and every later read");
    }

    @Test
    void aSubscriptionAfterCancellingIsCancelledAtOnce() {
        HttpLines lines = new HttpLines(1024);
        lines.cancel();

        lines.onSubscribe(subscription);

        assertEquals(true, subscription.cancelled);
        assertEquals(0, subscription.requested);
    }

    @Test
    void passesOnTheConnectionsFailure() throws Exception {
        HttpLines lines = lines(1024);
        lines.onNext(chunk("a\n"));
        lines.onError(new IOException("connection reset"));

        assertEquals("a", lines.readLine(LONG));
        IOException e = assertThrows(IOException.class, () -> lines.readLine(LONG));
        assertEquals("connection reset", e.getMessage());
    }

    @Test
    void readsTheRestOfAnErrorBodyUpToALimit() throws Exception {
        HttpLines lines = lines(1024);
        lines.onNext(chunk("{\"title\":"));
        lines.onNext(chunk("\"Unauthorized\"}"));
        lines.onComplete();

        assertEquals("{\"title\":\"Unauthorized\"}", lines.readRest(1000, LONG));

        HttpLines limited = lines(1024);
        limited.onNext(chunk("0123456789"));
        assertEquals("0123", limited.readRest(4, LONG));
    }
}
