package dev.ember.bench.jmh;

import dev.ember.bench.internal.Corpus;
import dev.ember.bench.internal.KernelCounter;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tokenising the benchmark's lines, in lines per second: {@code String.split(" ")} (what the word
 * count's flatMap does on every engine), a hand-rolled {@code indexOf} loop, and the kernel's
 * byte-level tokeniser (which also counts every token in its table).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TokenizeBench {
    static final int LINES = 100_000;

    private List<String> lines;
    private byte[] bytes;
    private final KernelCounter counter = new KernelCounter();

    @Setup
    public void setUp() {
        Corpus corpus = Corpus.generate(42, LINES);
        lines = corpus.toStrings();
        bytes = corpus.bytes();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void stringSplit(Blackhole bh) {
        for (String line : lines) {
            for (String word : line.split(" ")) {
                bh.consume(word);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public void indexOfLoop(Blackhole bh) {
        for (String line : lines) {
            int from = 0;
            int sp;
            while ((sp = line.indexOf(' ', from)) >= 0) {
                bh.consume(line.substring(from, sp));
                from = sp + 1;
            }
            bh.consume(line.substring(from));
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long kernelTokeniseAndCount() {
        return counter.count(bytes);
    }
}
