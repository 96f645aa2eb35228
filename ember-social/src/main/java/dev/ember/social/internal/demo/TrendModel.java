package dev.ember.social.internal.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/*
 * How popular each hashtag is at a virtual time: a pure function of (seed, seconds since the
 * stream's origin), so the same seed tells the same story on every run.
 *
 * Weight of tag i at time t = base(i) * wave(i, t) * burst(i, t):
 *
 * - base: Zipf, rank r weighs r^-1.1. The ranking is made once per seed: each topic's tags are
 *   ordered by prominence (1..10, from the hashtag table) times log-normal noise, favouring tags
 *   used in more of the posts' languages, and the topics' lists are interleaved by smooth weighted
 *   round-robin on the topics' usual shares (Topic.sharePercent), with seeded starting credits. So
 *   every seed has a realistic mix of topics (football leads, politics and everyday life follow)
 *   while the seed decides which tags lead. The Messi tags are outside the ranking (Messi posts
 *   have a fixed share) and weigh their prominence.
 * - wave: exp of two sines of seed-chosen periods (12..40 min and 5..12 min, amplitudes 0.7 and
 *   0.3), so every tag rises and falls slowly, by a factor of up to 2.7 either way, and the
 *   leaders change over a quarter hour.
 * - burst: the trends. Time is cut, per tag, into 15-minute slots (each tag's slots shifted by a
 *   seed-chosen offset); a slot holds one burst with a probability of 0.3, lasting 2 to 8 minutes,
 *   placed anywhere in the slot, peaking at 4 to 40 times the weight (log-uniform). A burst rises
 *   smoothly over its first third and fades over the rest. Whether slot n of tag i bursts, and how,
 *   is a hash of (seed, i, n), so a burst is found without replaying history.
 *
 * With 50 posts/s, the 20 s window of the tutorial then has a clear leader most of the time
 * (often twice the second), a rank-frequency slope close to -1, a top 10 that keeps 6 to 10 of
 * its tags from one window to the next, and only 2 to 7 of them ten minutes later.
 *
 * Sampling is cheap because the weights are evaluated only at keyframes, every 10 virtual seconds,
 * where alias tables are built (per language, one over topics and, on first use, one per topic
 * over its tags). A post at time t between keyframes n and n+1 samples from keyframe n+1 with
 * probability (t - t_n) / 10 s, and from n otherwise: the mixture is the linear interpolation of
 * the two distributions, so popularity moves smoothly with no rebuild per post. The three most
 * recent keyframes are cached, which covers a stream moving forward; a jump elsewhere builds two.
 *
 * Topics: a post that is not about Messi picks a topic with a chance proportional to the current
 * weight of its tags in the post's language, then one of those tags by weight; this two-step draw
 * is the same as drawing the tag directly, and gives the further tags of a post the same topic.
 *
 * A tag used by only some languages (#futebol, #選挙) is weighed up by LOCAL_BOOST in those
 * languages' tables, since people writing in a language use its tags more than global ones.
 *
 * Not thread-safe: one per generator.
 */
final class TrendModel {
    static final long KEYFRAME_NANOS = 10_000_000_000L;
    static final double ZIPF_EXPONENT = 1.1;

    private static final double RANK_NOISE = 0.9;
    private static final double LANGUAGE_REACH_WEIGHT = 0.5;
    private static final double LOCAL_BOOST = 3.0;
    private static final double SLOW_WAVE_AMPLITUDE = 0.7;
    private static final double FAST_WAVE_AMPLITUDE = 0.3;
    private static final double BURST_SLOT_SECONDS = 15 * 60;
    private static final double BURST_CHANCE = 0.3;
    private static final double BURST_MIN_SECONDS = 2 * 60;
    private static final double BURST_MAX_SECONDS = 8 * 60;
    private static final double BURST_MIN_PEAK = 4;
    private static final double BURST_MAX_PEAK = 40;
    private static final double BURST_RISE = 1.0 / 3;
    private static final int CACHED_KEYFRAMES = 3;

    /** The popularity of every tag at one keyframe, and the sampling tables built from it. */
    static final class Keyframe {
        final long index;
        final double[] weights;
        private final AliasTable[] topicTables;
        private final int[][] topicIds;
        private final AliasTable[][] tagTables;

        private Keyframe(long index, double[] weights, int languages, int topics) {
            this.index = index;
            this.weights = weights;
            this.topicTables = new AliasTable[languages];
            this.topicIds = new int[languages][];
            this.tagTables = new AliasTable[languages][topics];
        }
    }

    private final long seed;
    private final Vocabulary vocabulary;
    private final double[] base;
    private final double[] slowPeriod;
    private final double[] slowPhase;
    private final double[] fastPeriod;
    private final double[] fastPhase;
    private final double[] burstOffset;

    /** [language][topic]: the tags a post of that language and topic may carry. */
    private final int[][][] candidates;

    /** [language][topic][j]: LOCAL_BOOST for local tags, 1 for universal ones. */
    private final double[][][] boosts;

    private final Keyframe[] cache = new Keyframe[CACHED_KEYFRAMES];
    private int cacheNext;
    private long keyframesBuilt;

    TrendModel(long seed, Vocabulary vocabulary, Phrasebook phrasebook) {
        this.seed = seed;
        this.vocabulary = vocabulary;
        int n = vocabulary.size();
        base = new double[n];
        slowPeriod = new double[n];
        slowPhase = new double[n];
        fastPeriod = new double[n];
        fastPhase = new double[n];
        burstOffset = new double[n];
        SplitMix rng = new SplitMix(SplitMix.mix(seed, 0x7E4D));
        double[] rankKey = new double[n];
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Tag tag = vocabulary.tag(i);
            rankKey[i] =
                    Math.log(tag.prominence)
                            + LANGUAGE_REACH_WEIGHT * Math.log(reach(tag))
                            + RANK_NOISE * rng.nextGaussian();
            slowPeriod[i] = 60 * (12 + 28 * rng.nextDouble());
            slowPhase[i] = 2 * Math.PI * rng.nextDouble();
            fastPeriod[i] = 60 * (5 + 7 * rng.nextDouble());
            fastPhase[i] = 2 * Math.PI * rng.nextDouble();
            burstOffset[i] = BURST_SLOT_SECONDS * rng.nextDouble();
            if (tag.topic == Topic.MESSI) {
                base[i] = tag.prominence;
            } else {
                ranked.add(i);
            }
        }
        ranked = interleaveByTopic(ranked, rankKey, rng);
        for (int r = 0; r < ranked.size(); r++) {
            base[ranked.get(r)] = Math.pow(r + 1, -ZIPF_EXPONENT);
        }
        int languages = Language.count();
        int topics = Topic.values().length;
        candidates = new int[languages][topics][];
        boosts = new double[languages][topics][];
        for (int l = 0; l < languages; l++) {
            for (int t = 0; t < topics; t++) {
                if (!phrasebook.hasTopic(l, t)) {
                    continue;
                }
                List<Integer> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Tag tag = vocabulary.tag(i);
                    if (tag.topic.ordinal() == t && tag.usedIn(l)) {
                        ids.add(i);
                    }
                }
                if (ids.isEmpty()) {
                    continue;
                }
                candidates[l][t] = ids.stream().mapToInt(Integer::intValue).toArray();
                boosts[l][t] = new double[ids.size()];
                for (int j = 0; j < ids.size(); j++) {
                    boosts[l][t][j] = vocabulary.tag(ids.get(j)).universal ? 1 : LOCAL_BOOST;
                }
            }
            if (candidates[l][Topic.MESSI.ordinal()] == null) {
                throw new IllegalStateException(
                        "demo language " + Language.of(l).code + " has no Messi hashtag");
            }
        }
    }

    // The share of posts written in the tag's languages, 1 for a universal tag.
    private static double reach(Tag tag) {
        int percent = 0;
        for (Language language : Language.values()) {
            if (tag.usedIn(language.ordinal())) {
                percent += language.sharePercent;
            }
        }
        return percent / 100.0;
    }

    /*
     * The Zipf ranking: each topic's tags in order of their rank keys, interleaved by smooth
     * weighted round-robin on the topics' usual shares, so every topic holds ranks in proportion to
     * its share (football about one rank in five, cycling one in thirty) and the mix of topics stays
     * realistic whatever the seed. The seed sets the topics' starting credits, which decides who
     * leads, and the rank keys, which decide which of a topic's tags hold its ranks.
     */
    private static List<Integer> interleaveByTopic(
            List<Integer> ids, double[] rankKey, SplitMix rng) {
        int topics = Topic.values().length;
        List<List<Integer>> byTopic = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            byTopic.add(new ArrayList<>());
        }
        for (int id : ids) {
            byTopic.get(Vocabulary.INSTANCE.tag(id).topic.ordinal()).add(id);
        }
        double[] credit = new double[topics];
        for (int t = 0; t < topics; t++) {
            byTopic.get(t).sort((a, b) -> Double.compare(rankKey[b], rankKey[a]));
            credit[t] = Topic.of(t).sharePercent * rng.nextDouble();
        }
        int[] next = new int[topics];
        List<Integer> order = new ArrayList<>(ids.size());
        while (order.size() < ids.size()) {
            int chosen = -1;
            double active = 0;
            for (int t = 0; t < topics; t++) {
                if (next[t] < byTopic.get(t).size()) {
                    credit[t] += Topic.of(t).sharePercent;
                    active += Topic.of(t).sharePercent;
                    if (chosen < 0 || credit[t] > credit[chosen]) {
                        chosen = t;
                    }
                }
            }
            credit[chosen] -= active;
            order.add(byTopic.get(chosen).get(next[chosen]++));
        }
        return order;
    }

    /** The Zipf weight of tag {@code id} before drift. */
    double base(int id) {
        return base[id];
    }

    /** The popularity of tag {@code id} at {@code seconds} after the origin. */
    double weight(int id, double seconds) {
        return base[id] * drift(id, seconds);
    }

    /** The drift factor of tag {@code id} (wave times burst) at {@code seconds}. */
    double drift(int id, double seconds) {
        double wave =
                SLOW_WAVE_AMPLITUDE
                                * Math.sin(2 * Math.PI * seconds / slowPeriod[id] + slowPhase[id])
                        + FAST_WAVE_AMPLITUDE
                                * Math.sin(2 * Math.PI * seconds / fastPeriod[id] + fastPhase[id]);
        return Math.exp(wave) * burst(id, seconds);
    }

    /** The burst factor of tag {@code id} at {@code seconds}: 1 outside bursts. */
    double burst(int id, double seconds) {
        double u = (seconds + burstOffset[id]) / BURST_SLOT_SECONDS;
        double slot = Math.floor(u);
        double into = (u - slot) * BURST_SLOT_SECONDS;
        long h = SplitMix.mix(seed ^ 0xB0B5L, SplitMix.mix(id, (long) slot));
        if (SplitMix.unit(h) >= BURST_CHANCE) {
            return 1;
        }
        long h2 = SplitMix.mix(h);
        double duration =
                BURST_MIN_SECONDS + SplitMix.unit(h2) * (BURST_MAX_SECONDS - BURST_MIN_SECONDS);
        long h3 = SplitMix.mix(h2);
        double start = SplitMix.unit(h3) * (BURST_SLOT_SECONDS - duration);
        if (into < start || into >= start + duration) {
            return 1;
        }
        long h4 = SplitMix.mix(h3);
        double peak =
                BURST_MIN_PEAK
                        * Math.exp(SplitMix.unit(h4) * Math.log(BURST_MAX_PEAK / BURST_MIN_PEAK));
        double x = (into - start) / duration;
        double shape = x < BURST_RISE ? smooth(x / BURST_RISE) : smooth((1 - x) / (1 - BURST_RISE));
        return 1 + (peak - 1) * shape;
    }

    private static double smooth(double y) {
        return y * y * (3 - 2 * y);
    }

    /**
     * The keyframe a post at {@code elapsedNanos} samples from; draws one number from {@code rng}
     * whatever the time, so the draws that follow do not depend on it.
     */
    Keyframe keyframeAt(long elapsedNanos, SplitMix rng) {
        long index = Math.floorDiv(elapsedNanos, KEYFRAME_NANOS);
        double fraction = (elapsedNanos - index * KEYFRAME_NANOS) / (double) KEYFRAME_NANOS;
        return keyframe(rng.nextDouble() < fraction ? index + 1 : index);
    }

    Keyframe keyframe(long index) {
        for (Keyframe k : cache) {
            if (k != null && k.index == index) {
                return k;
            }
        }
        double seconds = index * (KEYFRAME_NANOS / 1e9);
        double[] weights = new double[vocabulary.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(i, seconds);
        }
        Keyframe k = new Keyframe(index, weights, Language.count(), Topic.values().length);
        keyframesBuilt++;
        cache[cacheNext] = k;
        cacheNext = (cacheNext + 1) % CACHED_KEYFRAMES;
        return k;
    }

    /** A topic other than Messi for a post in {@code language}, by the keyframe's popularity. */
    int sampleTopic(Keyframe k, int language, SplitMix rng) {
        AliasTable table = k.topicTables[language];
        if (table == null) {
            int topics = Topic.values().length;
            double[] masses = new double[topics];
            int[] ids = new int[topics];
            int count = 0;
            for (int t = 0; t < topics; t++) {
                int[] tags = candidates[language][t];
                if (t == Topic.MESSI.ordinal() || tags == null) {
                    continue;
                }
                double mass = 0;
                for (int j = 0; j < tags.length; j++) {
                    mass += k.weights[tags[j]] * boosts[language][t][j];
                }
                masses[count] = mass;
                ids[count++] = t;
            }
            table = new AliasTable(Arrays.copyOf(masses, count));
            k.topicIds[language] = Arrays.copyOf(ids, count);
            k.topicTables[language] = table;
        }
        return k.topicIds[language][table.sample(rng)];
    }

    /** A tag of {@code topic} for a post in {@code language}, by the keyframe's popularity. */
    int sampleTag(Keyframe k, int language, int topic, SplitMix rng) {
        AliasTable table = k.tagTables[language][topic];
        int[] tags = candidates[language][topic];
        if (table == null) {
            double[] weights = new double[tags.length];
            for (int j = 0; j < tags.length; j++) {
                weights[j] = k.weights[tags[j]] * boosts[language][topic][j];
            }
            table = new AliasTable(weights);
            k.tagTables[language][topic] = table;
        }
        return tags[table.sample(rng)];
    }

    /** How many keyframes were computed so far, for tests of the sampling cost. */
    long keyframesBuilt() {
        return keyframesBuilt;
    }
}
