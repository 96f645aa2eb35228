package dev.ember.bench.jmh;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ember's fused narrow pipeline through the public API, in lines per second: one batch of lines
 * through {@code flatMap(split) -> filter -> map}, counted by the output. No shuffle, so this is
 * the per-record cost of the fused per-partition loop (plus one batch's scheduling).
 */
public class NarrowPipelineBench extends OneBatchBench {
    static final int LINES = 100_000;

    @Setup
    public void setUp() {
        state =
                new EmberPipelineState(
                        EmberPipelineState.lines(LINES),
                        lines ->
                                lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                                        .filter(word -> word.charAt(0) != '#')
                                        .map(String::length));
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long flatMapFilterMap() {
        return state.runBatch();
    }
}
