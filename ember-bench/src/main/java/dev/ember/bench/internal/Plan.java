package dev.ember.bench.internal;

/**
 * Sizes and durations of a comparison run. {@link #full} stays under 15 minutes on two cores
 * (leaving room for the build); {@link #quick} takes seconds and only shows that everything runs.
 * Durations are multiplied by the duration scale; sizes are not.
 */
record Plan(
        boolean quick,
        long seed,
        // 1. in-memory word count
        int memLines,
        int memDistinct,
        int memWarmup,
        int memMeasured,
        long memBatchMs,
        int memRounds,
        // socket jobs (2, 4, 5)
        int socketCorpusLines,
        long wcBatchMs,
        long probeMs,
        long settleMs,
        long holdMs,
        double startRate,
        double minRate,
        int maxRampProbes,
        int bisections,
        long ingestMs,
        // 3. trending hashtags
        long htBatchMs,
        long htWindowMs,
        long htSlideMs,
        long htProbeMs,
        double htStep,
        int htMaxProbes,
        // 4. start-up
        int startupRounds,
        double startupRate,
        // 5. memory at one offered rate
        double memoryRate,
        long memoryWcMs,
        long memoryHtMs,
        // 6. latency
        long latencyBatchMs,
        double latencyRate,
        long latencyMs,
        long latencyWarmMs,
        int markerEvery) {

    static Plan full(double scale) {
        return new Plan(
                false,
                42,
                1_000_000,
                2,
                3,
                5,
                100,
                1,
                1_000_000,
                1000,
                ms(5000, scale),
                1000,
                ms(30_000, scale),
                50_000,
                2_000,
                6,
                2,
                ms(5000, scale),
                1000,
                20_000,
                10_000,
                ms(30_000, scale),
                1.4,
                2,
                3,
                10_000,
                50_000,
                ms(12_000, scale),
                ms(25_000, scale),
                100,
                200_000,
                ms(15_000, scale),
                ms(5000, scale),
                1000);
    }

    static Plan quick(double scale) {
        return new Plan(
                true,
                42,
                20_000,
                2,
                1,
                3,
                100,
                1,
                50_000,
                500,
                ms(2000, scale),
                500,
                ms(2000, scale),
                5_000,
                1_000,
                1,
                0,
                ms(1000, scale),
                500,
                2000,
                1000,
                ms(3000, scale),
                1.3,
                1,
                1,
                2_000,
                5_000,
                ms(2000, scale),
                ms(3000, scale),
                100,
                5_000,
                ms(2000, scale),
                ms(500, scale),
                100);
    }

    private static long ms(long millis, double scale) {
        return Math.max(1, Math.round(millis * scale));
    }
}
