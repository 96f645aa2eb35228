package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMixTest {

    @Test
    void matchesTheReferenceSplitMix64Sequence() {
        // The first outputs of Vigna's splitmix64.c from state 0.
        SplitMix rng = new SplitMix(0);
        assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
        assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
        assertEquals(0x06C45D188009454FL, rng.nextLong());
    }

    @Test
    void resetRestartsTheSequence() {
        SplitMix rng = new SplitMix(99);
        long first = rng.nextLong();
        rng.nextLong();
        rng.reset(99);
        assertEquals(first, rng.nextLong());
    }

    @Test
    void drawsStayInTheirRanges() {
        SplitMix rng = new SplitMix(5);
        int[] seen = new int[7];
        for (int i = 0; i < 70_000; i++) {
            seen[rng.nextInt(7)]++;
            double d = rng.nextDouble();
            assertTrue(d >= 0 && d < 1);
        }
        for (int count : seen) {
            assertEquals(10_000, count, 400);
        }
    }

    @Test
    void mixingTwoValuesDependsOnBothAndTheirOrder() {
        assertTrue(SplitMix.mix(1, 2) != SplitMix.mix(2, 1));
        assertTrue(SplitMix.mix(1, 2) != SplitMix.mix(1, 3));
        assertEquals(SplitMix.mix(1, 2), SplitMix.mix(1, 2));
    }
}
