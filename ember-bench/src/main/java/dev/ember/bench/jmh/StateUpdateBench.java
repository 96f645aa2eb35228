package dev.ember.bench.jmh;

import dev.ember.streaming.StateSpec;
import dev.ember.streaming.Tuple2;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Ember's keyed state, in words per second: a running count per word over batches of words, with
 * {@code updateStateByKey} (called for every key every batch) or {@code mapWithState} (called for
 * each word of the batch). Every invocation is one batch.
 */
public class StateUpdateBench extends OneBatchBench {
    static final int WORDS = 1_000_000;

    @Param({"updateStateByKey", "mapWithState"})
    public String operator;

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

    @Benchmark
    @OperationsPerInvocation(WORDS)
    public long oneBatch() {
        return state.runBatch();
    }
}
