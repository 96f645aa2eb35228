package dev.ember.bench.jmh;

import dev.ember.bench.internal.Corpus;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An Ember context on {@code local[2]} driven by a {@link StepClock}: {@link #runBatch()} queues
 * the pre-built batch of lines and advances the clock by one interval, which runs the batch on the
 * calling thread (and the worker pool) before returning.
 */
final class EmberPipelineState implements AutoCloseable {
    private final StreamingContext ssc;
    private final StepClock clock = new StepClock();
    private final Queue<List<String>> queue = new ConcurrentLinkedQueue<>();
    private final List<String> batch;
    private final AtomicLong result = new AtomicLong();

    /**
     * Builds the pipeline {@code pipeline} over the queue's stream; it must end in a stream whose
     * batch count is recorded.
     */
    EmberPipelineState(int lines, Function<DStream<String>, DStream<?>> pipeline) {
        batch = List.copyOf(Corpus.generate(42, lines).toStrings());
        ssc = new StreamingContext("local[2]", "jmh", Durations.seconds(1));
        ssc.setClock(clock);
        pipeline.apply(ssc.queueStream(queue, true)).foreachRDD(b -> result.set(b.count()));
        ssc.start();
    }

    /** Runs one batch; returns its output's element count. */
    long runBatch() {
        queue.add(batch);
        clock.advance(1000);
        return result.get();
    }

    @Override
    public void close() {
        ssc.stop(false);
    }
}
