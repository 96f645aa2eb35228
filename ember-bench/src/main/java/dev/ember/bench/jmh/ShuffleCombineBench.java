package dev.ember.bench.jmh;

import dev.ember.streaming.Tuple2;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ember's shuffle with map-side combine through the public API, in lines per second: the word count
 * ({@code flatMap(split) -> mapToPair(w, 1) -> reduceByKey(+)}) over one batch; the output counts
 * the distinct words. Compare with {@link NarrowPipelineBench} to see what the shuffle and combine
 * add.
 */
public class ShuffleCombineBench extends OneBatchBench {
    static final int LINES = 100_000;

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

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long wordCountReduceByKey() {
        return state.runBatch();
    }
}
