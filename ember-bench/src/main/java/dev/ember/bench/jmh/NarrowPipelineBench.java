package dev.ember.bench.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ember's fused narrow pipeline through the public API, in lines per second: one batch of lines
 * through {@code flatMap(split) -> filter -> map}, counted by the output. No shuffle, so this is
 * the per-record cost of the fused per-partition loop (plus one batch's scheduling).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class NarrowPipelineBench {
    static final int LINES = 100_000;

    private EmberPipelineState state;

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

    @TearDown
    public void tearDown() {
        state.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long flatMapFilterMap() {
        return state.runBatch();
    }
}
