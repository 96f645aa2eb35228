package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hashtag popularity as the tutorial's chart shows it: 20 s windows of 1,000 posts at 50/s. */
class TrendModelTest {
    private static final Instant ORIGIN = Instant.parse("2025-06-01T12:00:00Z");
    private static final int WINDOW = 1000;

    /** Tag counts of window {@code w} (posts w*1000 .. w*1000+999), most frequent first. */
    private static List<Map.Entry<String, Integer>> window(DemoPostGenerator generator, int w) {
        Map<String, Integer> counts = new HashMap<>();
        for (long k = (long) w * WINDOW; k < (long) (w + 1) * WINDOW; k++) {
            Post post = generator.post(k, ORIGIN.plusMillis(20 * k));
            for (String tag : post.hashtags()) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(
                Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()));
        return ranked;
    }

    private static Set<String> top10(List<Map.Entry<String, Integer>> ranked) {
        return ranked.stream().limit(10).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static int shared(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    @Test
    void aTwentySecondWindowHasAClearLeaderAndAHeavyTail() {
        List<Map.Entry<String, Integer>> ranked = window(new DemoPostGenerator(42, ORIGIN), 0);

        assertEquals("#barca=167", ranked.get(0).toString());
        assertEquals("#messi=60", ranked.get(1).toString());
        assertEquals("#nuggets=52", ranked.get(2).toString());

        int total = ranked.stream().mapToInt(Map.Entry::getValue).sum();
        int top10 = ranked.stream().limit(10).mapToInt(Map.Entry::getValue).sum();
        assertTrue(ranked.get(0).getValue() >= 5 * ranked.get(9).getValue());
        assertTrue(top10 > 0.4 * total && top10 < 0.8 * total, top10 + " of " + total);
        assertTrue(ranked.size() >= 100, ranked.size() + " distinct tags");
        double slope = logLogSlope(ranked, 30);
        assertTrue(slope > -1.5 && slope < -0.7, "rank-frequency slope " + slope);
    }

    @Test
    void windowsFollowZipfsLawOnAverage() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        double slopes = 0;
        double leads = 0;
        int clearLeaders = 0;
        for (int w = 0; w < 30; w++) {
            List<Map.Entry<String, Integer>> ranked = window(generator, 3 * w);
            slopes += logLogSlope(ranked, 30);
            double lead = ranked.get(0).getValue() / (double) ranked.get(1).getValue();
            leads += lead;
            if (lead >= 1.25) {
                clearLeaders++;
            }
        }
        assertTrue(slopes / 30 > -1.2 && slopes / 30 < -0.8, "mean slope " + slopes / 30);
        // Ties happen while a rising trend overtakes the leader.
        assertTrue(leads / 30 >= 1.5, "the leader has " + leads / 30 + " times the second");
        assertTrue(clearLeaders >= 12, clearLeaders + " of 30 windows with a clear leader");
    }

    private static double logLogSlope(List<Map.Entry<String, Integer>> ranked, int ranks) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < ranks; i++) {
            double x = Math.log(i + 1);
            double y = Math.log(ranked.get(i).getValue());
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (ranks * sxy - sx * sy) / (ranks * sxx - sx * sx);
    }

    @Test
    void theTopTenHoldsFromOneWindowToTheNextButChangesInTenMinutes() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        List<Set<String>> tops = new ArrayList<>();
        for (int w = 0; w <= 60; w++) {
            tops.add(top10(window(generator, w)));
        }
        for (int w = 1; w <= 60; w++) {
            int kept = shared(tops.get(w - 1), tops.get(w));
            assertTrue(kept >= 6, "windows " + (w - 1) + " and " + w + " share " + kept);
        }
        assertEquals(5, shared(tops.get(0), tops.get(30)));
        for (int w = 0; w + 30 <= 60; w++) {
            int kept = shared(tops.get(w), tops.get(w + 30));
            assertTrue(kept <= 7, "windows " + w + " and " + (w + 30) + " share " + kept);
        }
    }

    @Test
    void newTagsClimbIntoTheTopTen() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        Set<String> earlyTop30 =
                window(generator, 0).stream()
                        .limit(30)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet());
        Set<String> climbers = new HashSet<>();
        for (int w = 1; w <= 45; w++) {
            for (String tag : top10(window(generator, w))) {
                if (!earlyTop30.contains(tag)) {
                    climbers.add(tag);
                }
            }
        }
        assertTrue(climbers.size() >= 5, "only " + climbers + " climbed in 15 minutes");
    }

    @Test
    void popularityRisesAndFallsSmoothlyOnALinearChart() {
        TrendModel trends = new DemoPostGenerator(42, ORIGIN).trends();
        for (int id = 0; id < Vocabulary.INSTANCE.size(); id++) {
            double[] weights = new double[3601];
            double peak = 0;
            for (int second = 0; second <= 3600; second++) {
                weights[second] = trends.weight(id, second);
                peak = Math.max(peak, weights[second]);
            }
            for (int second = 1; second <= 3600; second++) {
                double step = Math.abs(weights[second] - weights[second - 1]) / peak;
                assertTrue(
                        step < 0.05,
                        Vocabulary.INSTANCE.tag(id)
                                + " moves "
                                + step
                                + " of its peak at "
                                + second);
            }
        }
    }

    @Test
    void burstsLastTwoToEightMinutesAndPeakAtFourToFortyTimes() {
        TrendModel trends = new DemoPostGenerator(42, ORIGIN).trends();
        int bursts = 0;
        for (int id = 0; id < Vocabulary.INSTANCE.size(); id++) {
            int length = 0;
            double peak = 1;
            for (int second = 0; second <= 4 * 3600; second++) {
                double factor = trends.burst(id, second);
                if (factor > 1) {
                    length++;
                    peak = Math.max(peak, factor);
                } else if (length > 0) {
                    // A burst cut by the scan's start may be shorter.
                    assertTrue(length <= 8 * 60, length + " s burst");
                    if (second - length > 0) {
                        assertTrue(length >= 2 * 60 - 1, length + " s burst");
                        assertTrue(peak >= 3.5 && peak <= 40, "peak " + peak);
                        bursts++;
                    }
                    length = 0;
                    peak = 1;
                }
            }
        }
        // 333 tags, 16 slots of 15 minutes each, a burst in 3 slots of 10.
        assertTrue(bursts > 1300 && bursts < 1900, bursts + " bursts in 4 hours");
    }

    @Test
    void baseWeightsFollowZipfsLawByRank() {
        TrendModel trends = new DemoPostGenerator(42, ORIGIN).trends();
        List<Double> weights = new ArrayList<>();
        for (Tag tag : Vocabulary.INSTANCE.all()) {
            if (tag.topic != Topic.MESSI) {
                weights.add(trends.base(tag.id));
            }
        }
        weights.sort(Comparator.reverseOrder());
        for (int r = 0; r < weights.size(); r++) {
            assertEquals(Math.pow(r + 1, -TrendModel.ZIPF_EXPONENT), weights.get(r), 1e-15);
        }
    }

    @Test
    void popularityDependsOnlyOnTheSeedAndTheTime() {
        TrendModel a = new DemoPostGenerator(42, ORIGIN).trends();
        TrendModel b = new DemoPostGenerator(42, ORIGIN.plusSeconds(99)).trends();
        TrendModel c = new DemoPostGenerator(43, ORIGIN).trends();
        int differ = 0;
        for (int id = 0; id < Vocabulary.INSTANCE.size(); id++) {
            assertEquals(a.weight(id, 1234.5), b.weight(id, 1234.5));
            if (a.weight(id, 1234.5) != c.weight(id, 1234.5)) {
                differ++;
            }
        }
        assertNotEquals(0, differ);
    }

    @Test
    void samplingTablesAreBuiltOncePerTenVirtualSeconds() {
        DemoPostGenerator generator = new DemoPostGenerator(42, ORIGIN);
        for (int k = 0; k < 100_000; k++) {
            generator.post(k, ORIGIN.plusMillis(20L * k));
        }
        // 2,000 virtual seconds: keyframes 0 to 200.
        assertEquals(201, generator.trends().keyframesBuilt());
    }

    @Test
    void everySeedMixesFootballPoliticsOtherSportsAndEverydayLife() {
        for (long seed = 1; seed <= 8; seed++) {
            DemoPostGenerator generator = new DemoPostGenerator(seed, ORIGIN);
            Map<Topic, Integer> counts = new EnumMap<>(Topic.class);
            for (int k = 0; k < 20_000; k++) {
                generator.post(k, ORIGIN.plusMillis(20L * k));
                counts.merge(generator.lastTopic(), 1, Integer::sum);
            }
            int football = counts.getOrDefault(Topic.FOOTBALL, 0);
            int politics = counts.getOrDefault(Topic.POLITICS, 0);
            int sports = 0;
            for (Topic t :
                    List.of(Topic.NBA, Topic.TENNIS, Topic.F1, Topic.CRICKET, Topic.CYCLING)) {
                sports += counts.getOrDefault(t, 0);
            }
            int everyday = 20_000 - football - politics - sports - counts.get(Topic.MESSI);
            String mix = "seed " + seed + ": " + counts;
            assertTrue(football > 3000 && football < 10_000, mix);
            assertTrue(politics > 300, mix);
            assertTrue(sports > 1000, mix);
            assertTrue(everyday > 3000, mix);
        }
    }
}
