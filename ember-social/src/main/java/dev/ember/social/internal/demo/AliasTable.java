package dev.ember.social.internal.demo;

/*
 * Walker's alias method in Vose's numerically stable form: O(n) to build, O(1) to sample with one
 * random long (its high half picks a column, its low half decides between the column and its
 * alias). The demo builds these once per trend keyframe, never per post.
 */
final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    /** A table over indices [0, weights.length) with chances proportional to the weights. */
    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(
                        "alias table weight " + w + " is not a finite non-negative number");
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("alias table weights sum to 0; give one a weight");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1.0;
            if (scaled[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        // What is left is 1 up to rounding.
        while (largeCount > 0) {
            int l = large[--largeCount];
            probability[l] = 1.0;
            alias[l] = l;
        }
        while (smallCount > 0) {
            int s = small[--smallCount];
            probability[s] = 1.0;
            alias[s] = s;
        }
    }

    int size() {
        return probability.length;
    }

    int sample(SplitMix rng) {
        long r = rng.nextLong();
        int column = (int) (((r >>> 32) * probability.length) >>> 32);
        double u = (r & 0xFFFFFFFFL) * 0x1.0p-32;
        return u < probability[column] ? column : alias[column];
    }
}
