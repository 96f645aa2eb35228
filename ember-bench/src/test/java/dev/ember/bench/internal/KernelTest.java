package dev.ember.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void countsEveryTokenExactlyAsSplitAndAHashMapDo() {
        Corpus corpus = Corpus.generate(7, 5_000);
        Map<String, Long> expected = new HashMap<>();
        for (String line : corpus.toStrings()) {
            for (String word : line.split(" ")) {
                expected.merge(word, 1L, Long::sum);
            }
        }
        ByteTable table = new ByteTable(16);
        long tokens = Kernel.countWords(corpus.bytes(), 0, corpus.bytes().length, table);

        assertEquals(corpus.totalTokens(), tokens);
        assertEquals(expected, counts(table));
    }

    @Test
    void countsTokensLongerThanEightBytesAndTheLastBytesOfTheBuffer() {
        byte[] text =
                "averyveryverylongword x averyveryverylongword\nab ab\nz\n"
                        .getBytes(StandardCharsets.US_ASCII);
        ByteTable table = new ByteTable(16);

        assertEquals(6, Kernel.countWords(text, 0, text.length, table));
        assertEquals(
                Map.of("averyveryverylongword", 2L, "x", 1L, "ab", 2L, "z", 1L), counts(table));
    }

    @Test
    void mergesTheTablesOfTwoThreadsByKey() {
        byte[] a = "w1 w2 w1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "w2 w3\n".getBytes(StandardCharsets.US_ASCII);
        ByteTable left = new ByteTable(16);
        ByteTable right = new ByteTable(16);
        Kernel.countWords(a, 0, a.length, left);
        Kernel.countWords(b, 0, b.length, right);

        left.addAll(right);

        assertEquals(Map.of("w1", 2L, "w2", 2L, "w3", 1L), counts(left));
    }

    @Test
    void generatesTheSameLinesForTheSameSeedWhateverTheRange() {
        Corpus whole = Corpus.generate(3, 3_000);
        Corpus tail = Corpus.generate(3, 1_500, 1_500);

        assertEquals(whole.toStrings().subList(1_500, 3_000), tail.toStrings());
        assertNotEquals(whole.line(0), Corpus.generate(4, 1).line(0));
    }

    @Test
    void generatesAboutElevenTokensAndOneHashtagPerLine() {
        Corpus corpus = Corpus.generate(42, 20_000);

        assertEquals(11.0, corpus.totalTokens() / 20_000.0, 0.3);
        assertEquals(1.0, corpus.totalHashtags() / 20_000.0, 0.1);
    }

    private static Map<String, Long> counts(ByteTable table) {
        Map<String, Long> counts = new HashMap<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < table.touchedCount(); i++) {
            ids.add(table.touchedId(i));
        }
        for (int id : ids) {
            counts.put(table.key(id), table.count(id));
        }
        return counts;
    }
}
