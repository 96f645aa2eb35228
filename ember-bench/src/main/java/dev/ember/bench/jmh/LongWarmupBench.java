package dev.ember.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings shared by the benchmarks of posts and SQL: throughput per second, 6 warm-up and 5
 * measured iterations of 2 s, one fork with a 2 GB heap that is touched before the run starts.
 *
 * <p>Why longer than {@link OneBatchBench}: on 2 cores their code (regular expressions, code-point
 * loops, the demo generator, the relay's threads, the frame builders) took 8 to 14 s to settle, and
 * measured 2 to 8 times slower before. {@code -XX:+AlwaysPreTouch} because the first pass of
 * allocation over fresh heap pages slowed 10,000-row view swaps by up to half until the first
 * collection, about 20 s in, on the development machine's virtual machine; touching the heap up
 * front removes that drift.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public abstract class LongWarmupBench {}
