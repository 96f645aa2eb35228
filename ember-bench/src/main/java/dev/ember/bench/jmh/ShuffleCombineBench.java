package dev.ember.bench.jmh;

import dev.ember.streaming.Tuple2;
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
 * Ember's shuffle with map-side combine through the public API, in lines per second: the word count
 * ({@code flatMap(split) -> mapToPair(w, 1) -> reduceByKey(+)}) over one batch; the output counts
 * the distinct words. Compare with {@link NarrowPipelineBench} to see what the shuffle and combine
 * add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ShuffleCombineBench {
    static final int LINES = 100_000;

    private EmberPipelineState state;

    @Setup
    public void setUp() {
        state =
                new EmberPipelineState(
                        EmberPipelineState.lines(LINES),
                        lines ->
                                lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                                        .mapToPair(word -> new Tuple2<>(word, 1L))
                                        .reduceByKey(Long::sum));
    }

    @TearDown
    public void tearDown() {
        state.close();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long wordCountReduceByKey() {
        return state.runBatch();
    }
}
