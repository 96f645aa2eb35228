package dev.ember.bench.jmh;

import dev.ember.streaming.Durations;
import dev.ember.streaming.Tuple2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ember's windowed reduce, in words per second: each batch of words is paired with 1 and reduced
 * over a window of {@code windowSeconds} sliding every 1 s batch, either incrementally ({@code
 * inverse}: add the new batch, subtract the one that left) or from scratch ({@code recompute}).
 * Every invocation is one batch and one window output. The incremental form's cost per batch should
 * not depend on the window's length; the recomputing form's grows with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WindowUpdateBench {
    static final int WORDS = 1_000_000;

    @Param({"inverse", "recompute"})
    public String form;

    @Param({"10", "40"})
    public int windowSeconds;

    private EmberPipelineState state;

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

    @TearDown
    public void tearDown() {
        state.close();
    }

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long oneBatch() {
        return state.runBatch();
    }
}
