package dev.ember.bench.jmh;

import dev.ember.bench.internal.Corpus;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An Ember context on {@code local[2]} with 1 s batches, driven by a {@link StepClock}: {@link
 * #runBatch()} queues the pre-built batch and advances the clock by one interval, which runs the
 * batch on the calling thread (and the worker pool) before returning. The context has a checkpoint
 * directory, so stateful operators can be measured too.
 */
final class EmberPipelineState implements AutoCloseable {
    private final StreamingContext ssc;
    private final StepClock clock = new StepClock();
    private final Queue<List<String>> queue = new ConcurrentLinkedQueue<>();
    private final List<String> batch;
    private final AtomicLong result = new AtomicLong();
    private final Path checkpoints;

    /**
     * Runs {@code pipeline} over a stream whose every batch is {@code batch}; the output records
     * the number of elements of each result batch.
     */
    EmberPipelineState(List<String> batch, Function<DStream<String>, DStream<?>> pipeline) {
        this.batch = List.copyOf(batch);
        try {
            checkpoints = Files.createTempDirectory("ember-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ssc = new StreamingContext("local[2]", "jmh", Durations.seconds(1));
        ssc.setClock(clock);
        ssc.checkpoint(checkpoints.toString());
        pipeline.apply(ssc.queueStream(queue, true)).foreachRDD(b -> result.set(b.count()));
        ssc.start();
    }

    /** {@code n} generated lines. */
    static List<String> lines(int n) {
        return Corpus.generate(42, n).toStrings();
    }

    /** The first {@code n} words of the generated lines. */
    static List<String> words(int n) {
        List<String> words = new ArrayList<>(n);
        int lines = n / 8;
        while (words.size() < n) {
            words.clear();
            for (String line : lines(lines)) {
                for (String w : line.split(" ")) {
                    if (words.size() < n) {
                        words.add(w);
                    }
                }
            }
            lines *= 2;
        }
        return words;
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
        try (Stream<Path> files = Files.walk(checkpoints)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
