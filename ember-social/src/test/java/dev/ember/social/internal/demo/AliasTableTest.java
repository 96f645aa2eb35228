package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AliasTableTest {

    @Test
    void samplesInProportionToTheWeights() {
        AliasTable table = new AliasTable(new double[] {1, 2, 3, 4, 0});
        SplitMix rng = new SplitMix(7);
        int[] counts = new int[5];
        for (int i = 0; i < 1_000_000; i++) {
            counts[table.sample(rng)]++;
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(100_000 * (i + 1), counts[i], 1500, "index " + i);
        }
        assertEquals(0, counts[4]);
        assertEquals(5, table.size());
    }

    @Test
    void aSingleWeightIsAlwaysDrawn() {
        AliasTable table = new AliasTable(new double[] {0.25});
        SplitMix rng = new SplitMix(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, table.sample(rng));
        }
    }

    @Test
    void rejectsNoWeightsNegativeWeightsAndAZeroSum() {
        assertEquals(
                "an alias table needs at least one weight",
                assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]))
                        .getMessage());
        assertEquals(
                "alias table weight -1.0 is not a finite non-negative number",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new AliasTable(new double[] {1, -1}))
                        .getMessage());
        assertEquals(
                "alias table weight NaN is not a finite non-negative number",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new AliasTable(new double[] {Double.NaN}))
                        .getMessage());
        assertEquals(
                "alias table weights sum to 0; give one a weight",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new AliasTable(new double[] {0, 0}))
                        .getMessage());
    }
}
