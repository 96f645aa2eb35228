package dev.ember.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTextTest {

    @Test
    void sameSeedGivesTheSameLines() {
        DemoText a = new DemoText(DemoText.SEED);
        DemoText b = new DemoText(DemoText.SEED);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLine(), b.nextLine());
        }
    }

    @Test
    void linesHaveEightToTwelveLowerCaseWords() {
        DemoText text = new DemoText(DemoText.SEED);
        for (int i = 0; i < 10_000; i++) {
            String line = text.nextLine();
            List<String> words = words(line);
            assertTrue(words.size() >= 8 && words.size() <= 12, line);
            assertTrue(words.stream().allMatch(w -> w.matches("[a-z]+")), line);
            assertEquals(String.join(" ", words), line);
        }
    }

    @Test
    void usesAVocabularyOfAboutTwoHundredWords() {
        assertEquals(200, DemoText.vocabularySize());
        assertEquals(200, counts(100_000).size());
    }

    @Test
    void frequenciesAreSkewedLikeRealText() {
        Map<String, Integer> counts = counts(20_000);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int least = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();

        assertEquals(most, counts.get("the"));
        assertTrue(most > total / 20, () -> "'the' is " + most + " of " + total);
        assertTrue(most > 50 * least, () -> "most " + most + ", least " + least);
    }

    private static Map<String, Integer> counts(int lines) {
        DemoText text = new DemoText(DemoText.SEED);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < lines; i++) {
            for (String word : words(text.nextLine())) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        WordSplitter.split(line).forEachRemaining(words::add);
        return words;
    }
}
