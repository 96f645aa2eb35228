package dev.ember.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings shared by the benchmarks that run one Ember batch per invocation: throughput per
 * second, 3 warm-up and 5 measured iterations of 2 s, one fork with a 2 GB heap. Subclasses build
 * {@link #state} in their {@code @Setup}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public abstract class OneBatchBench {
    /** The context under measurement. */
    protected EmberPipelineState state;

    /** Stops the context. */
    @TearDown
    public void tearDown() {
        state.close();
    }
}
