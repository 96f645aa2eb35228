package dev.ember.bench.jmh;

import dev.ember.streaming.Durations;
import dev.ember.streaming.Tuple2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ember's windowed reduce, in words per second: each batch of words is paired with 1 and reduced
 * over a window of {@code windowSeconds} sliding every 1 s batch, either incrementally ({@code
 * inverse}: add the new batch, subtract the one that left) or from scratch ({@code recompute}).
 * Every invocation is one batch and one window output. The incremental form's cost per batch should
 * not depend on the window's length; the recomputing form's grows with it.
 */
public class WindowUpdateBench extends OneBatchBench {
    static final int WORDS = 1_000_000;

    @Param({"inverse", "recompute"})
    public String form;

    @Param({"10", "40"})
    public int windowSeconds;

    @Setup
    public void setUp() {
        boolean inverse = form.equals("inverse");
        state =
                new EmberPipelineState(
                        EmberPipelineState.words(WORDS),
                        words -> {
                            var pairs = words.mapToPair(w -> new Tuple2<>(w, 1L));
                            return inverse
                                    ? pairs.reduceByKeyAndWindow(
                                            Long::sum,
                                            (a, b) -> a - b,
                                            Durations.seconds(windowSeconds),
                                            Durations.seconds(1))
                                    : pairs.reduceByKeyAndWindow(
                                            Long::sum,
                                            Durations.seconds(windowSeconds),
                                            Durations.seconds(1));
                        });
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long oneBatch() {
        return state.runBatch();
    }
}
