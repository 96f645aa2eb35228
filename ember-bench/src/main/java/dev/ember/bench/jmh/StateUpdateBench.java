package dev.ember.bench.jmh;

import dev.ember.streaming.StateSpec;
import dev.ember.streaming.Tuple2;
import java.util.Optional;
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
 * Ember's keyed state, in words per second: a running count per word over batches of words, with
 * {@code updateStateByKey} (called for every key every batch) or {@code mapWithState} (called for
 * each word of the batch). Every invocation is one batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class StateUpdateBench {
    static final int WORDS = 1_000_000;

    @Param({"updateStateByKey", "mapWithState"})
    public String operator;

    private EmberPipelineState state;

    @Setup
    public void setUp() {
        boolean update = operator.equals("updateStateByKey");
        state =
                new EmberPipelineState(
                        EmberPipelineState.words(WORDS),
                        words -> {
                            var pairs = words.mapToPair(w -> new Tuple2<>(w, 1L));
                            if (update) {
                                return pairs.<Long>updateStateByKey(
                                        (values, previous) -> {
                                            long sum = previous.orElse(0L);
                                            for (long v : values) {
                                                sum += v;
                                            }
                                            return Optional.of(sum);
                                        });
                            }
                            return pairs.mapWithState(
                                    StateSpec.<String, Long, Long, Long>function(
                                            (word, one, running) -> {
                                                long sum =
                                                        one.orElse(0L)
                                                                + (running.exists()
                                                                        ? running.get()
                                                                        : 0L);
                                                running.update(sum);
                                                return sum;
                                            }));
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
