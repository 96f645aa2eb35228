package dev.ember.engine.internal.input;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class LineSplitterTest {

    private static final String MIXED = "hello world\nhéllo wörld\r\n\n日本語\nemoji 😀🎉\r\n\r\nend";
    private static final List<String> MIXED_LINES =
            List.of("hello world", "héllo wörld", "", "日本語", "emoji 😀🎉", "", "end");

    @Test
    void splitsOnNewlineAndStripsOneCarriageReturn() {
        assertEquals(
                List.of("a", "b", "", "c\rd", "e\r"),
                splitWhole(new LineSplitter(100), "a\r\nb\n\r\nc\rd\ne\r\r\n"));
    }

    @Test
    void deliversEmptyLinesAsEmptyStrings() {
        assertEquals(List.of("", "", "x", ""), splitWhole(new LineSplitter(100), "\n\nx\n\n"));
    }

    @Test
    void givesTheSameLinesWhereverTheInputIsCut() {
        byte[] data = MIXED.getBytes(UTF_8);
        for (int cut = 0; cut <= data.length; cut++) {
            assertEquals(
                    MIXED_LINES,
                    splitAt(new LineSplitter(100), data, cut),
                    "input cut at byte " + cut);
        }
    }

    @Test
    void givesTheSameLinesWhateverTheChunkSize() {
        byte[] data = MIXED.getBytes(UTF_8);
        for (int chunk = 1; chunk <= data.length; chunk++) {
            assertEquals(
                    MIXED_LINES,
                    split(new LineSplitter(100), data, chunk),
                    "chunks of " + chunk + " bytes");
        }
    }

    @Test
    void joinsACharacterCutByTheReadBufferBoundary() {
        int bufferBytes = SocketTextReceiver.READ_BUFFER_BYTES;
        String first = "x".repeat(bufferBytes - 2);
        // 'é' takes two bytes, the first at bufferBytes - 1 and the second in the next buffer.
        String second = "é and 日本語 after the boundary";
        byte[] data = (first + "\n" + second + "\n").getBytes(UTF_8);
        assertEquals((byte) 0xC3, data[bufferBytes - 1]);

        assertEquals(List.of(first, second), split(new LineSplitter(1 << 20), data, bufferBytes));
    }

    @Test
    void stopsOnceTheListIsFullAndResumesWhereItStopped() {
        LineSplitter splitter = new LineSplitter(100);
        byte[] data = "a\nb\nc\nd\ne".getBytes(UTF_8);
        List<String> lines = new ArrayList<>();

        int stoppedAt = splitter.split(data, 0, data.length, lines, 2);

        assertEquals(4, stoppedAt);
        assertEquals(List.of("a", "b"), lines);
        lines.clear();
        stoppedAt = splitter.split(data, stoppedAt, data.length, lines, 2);
        assertEquals(8, stoppedAt);
        assertEquals(List.of("c", "d"), lines);
        lines.clear();
        assertEquals(data.length, splitter.split(data, stoppedAt, data.length, lines, 2));
        splitter.endOfStream(lines);
        assertEquals(List.of("e"), lines);
    }

    @Test
    void skipsLinesLongerThanTheLimitWhereverTheInputIsCut() {
        byte[] data = "12345\n123456\nab\n1234567890\r\n\ncd".getBytes(UTF_8);
        for (int cut = 0; cut <= data.length; cut++) {
            LineSplitter splitter = new LineSplitter(5);
            assertEquals(
                    List.of("12345", "ab", "", "cd"),
                    splitAt(splitter, data, cut),
                    "input cut at byte " + cut);
            assertEquals(2, splitter.oversizedLines(), "input cut at byte " + cut);
        }
    }

    @Test
    void acceptsALineAtTheLimitFollowedByCrLf() {
        byte[] data = "12345\r\nab\n".getBytes(UTF_8);
        for (int cut = 0; cut <= data.length; cut++) {
            LineSplitter splitter = new LineSplitter(5);
            assertEquals(List.of("12345", "ab"), splitAt(splitter, data, cut), "cut at " + cut);
            assertEquals(0, splitter.oversizedLines());
        }
    }

    @Test
    void countsAnOversizedLineOnceEvenWhenItSpansManyBuffers() {
        LineSplitter splitter = new LineSplitter(10);
        List<String> lines = new ArrayList<>();
        byte[] chunk = "y".repeat(1000).getBytes(UTF_8);
        feed(splitter, "ok\n".getBytes(UTF_8), lines);
        for (int i = 0; i < 50; i++) {
            feed(splitter, chunk, lines);
        }
        feed(splitter, "\nfine\n".getBytes(UTF_8), lines);

        assertEquals(List.of("ok", "fine"), lines);
        assertEquals(1, splitter.oversizedLines());
    }

    @Test
    void deliversAnUnfinishedLineAtEndOfStreamUnlessItIsTooLong() {
        LineSplitter splitter = new LineSplitter(4);
        List<String> lines = new ArrayList<>();
        feed(splitter, "a\nlast".getBytes(UTF_8), lines);
        splitter.endOfStream(lines);
        feed(splitter, "b\ntoo long".getBytes(UTF_8), lines);
        splitter.endOfStream(lines);
        feed(splitter, "c\n".getBytes(UTF_8), lines);

        assertEquals(List.of("a", "last", "b", "c"), lines);
        assertEquals(1, splitter.oversizedLines());
    }

    @Test
    void resetForgetsAnUnfinishedLine() {
        LineSplitter splitter = new LineSplitter(100);
        List<String> lines = new ArrayList<>();
        feed(splitter, "half a li".getBytes(UTF_8), lines);
        splitter.reset();
        feed(splitter, "new\n".getBytes(UTF_8), lines);

        assertEquals(List.of("new"), lines);
    }

    @Test
    void replacesMalformedBytesInsteadOfFailing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.writeBytes("a".getBytes(UTF_8));
        out.write(0xE6); // the first byte of a three-byte character, cut short
        out.writeBytes("\nok\n".getBytes(UTF_8));

        assertEquals(
                List.of("\uFFFDa\uFFFD", "ok"),
                split(new LineSplitter(100), out.toByteArray(), out.size()));
    }

    private static List<String> splitWhole(LineSplitter splitter, String text) {
        byte[] data = text.getBytes(UTF_8);
        return split(splitter, data, data.length);
    }

    /** Splits {@code data} fed in chunks of {@code chunkBytes} (at least one), then ends it. */
    private static List<String> split(LineSplitter splitter, byte[] data, int chunkBytes) {
        List<String> lines = new ArrayList<>();
        int step = Math.max(1, chunkBytes);
        for (int from = 0; from < data.length; from += step) {
            feed(
                    splitter,
                    Arrays.copyOfRange(data, from, Math.min(data.length, from + step)),
                    lines);
        }
        splitter.endOfStream(lines);
        return lines;
    }

    /** Splits {@code data} fed in two chunks cut at {@code cut}, then ends it. */
    private static List<String> splitAt(LineSplitter splitter, byte[] data, int cut) {
        List<String> lines = new ArrayList<>();
        feed(splitter, Arrays.copyOfRange(data, 0, cut), lines);
        feed(splitter, Arrays.copyOfRange(data, cut, data.length), lines);
        splitter.endOfStream(lines);
        return lines;
    }

    private static void feed(LineSplitter splitter, byte[] chunk, List<String> lines) {
        int pos = 0;
        while (pos < chunk.length) {
            pos = splitter.split(chunk, pos, chunk.length, lines, Integer.MAX_VALUE);
        }
    }
}
