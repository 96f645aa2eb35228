package dev.ember.bench.jmh;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.Relay;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The relay end to end over loopback, in lines per second delivered to one client: each invocation
 * has the relay's source hand 10,000 pre-generated demo posts to the relay (tracking nothing, so
 * every post becomes a line) and returns when the client has read 10,000 lines. So it times the
 * relay's source thread (filter, encode, append to the line log), its network thread (batching,
 * socket writes) and the kernel's loopback, not the generation of posts.
 *
 * <p>The client reads raw bytes as fast as it can and counts line ends; it does not decode them.
 * The client's buffer holds a whole invocation's lines, so none is dropped; the tear-down fails if
 * one was, or if a line was lost, rather than report a rate for lines nobody received.
 */
public class RelayBench extends LongWarmupBench {
    static final int LINES = 10_000;
    static final int POOL = 100_000;

    /** Far more than an invocation's 10,000 lines with their overhead: none is dropped. */
    static final long CLIENT_BUFFER_BYTES = 64L << 20;

    private PostBatchSource source;
    private Relay relay;
    private Socket client;
    private Thread reader;
    private final Semaphore linesRead = new Semaphore(0);
    private volatile IOException readFailure;
    private long delivered;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        source = new PostBatchSource(DemoPosts.generate(POOL));
        relay = Relay.builder(source).port(0).clientBufferBytes(CLIENT_BUFFER_BYTES).start();
        client = new Socket(InetAddress.getLoopbackAddress(), relay.port());
        reader = new Thread(this::readLines, "relay-bench-client");
        reader.setDaemon(true);
        reader.start();
        source.awaitStarted();
    }

    /** Counts the line ends the client receives; every one releases a permit. */
    private void readLines() {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = client.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                int lines = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                linesRead.release(lines);
            }
        } catch (IOException e) {
            readFailure = e;
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long relayToOneClient() throws InterruptedException {
        source.deliver(LINES);
        if (!linesRead.tryAcquire(LINES, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "the client read only "
                            + linesRead.availablePermits()
                            + " of "
                            + LINES
                            + " lines in 60 s; relay "
                            + relay.stats()
                            + (readFailure == null ? "" : ", client failed: " + readFailure));
        }
        delivered += LINES;
        return delivered;
    }

    @TearDown
    public void tearDown() throws IOException, InterruptedException {
        // Closing drains the client's buffer and ends its connection, so the counts are final.
        relay.close();
        Relay.Stats stats = relay.stats();
        reader.join(10_000);
        client.close();
        if (stats.dropped() != 0
                || stats.sent() != delivered
                || linesRead.availablePermits() != 0) {
            throw new IllegalStateException(
                    "the relay lost lines: "
                            + delivered
                            + " delivered by the source and read, "
                            + linesRead.availablePermits()
                            + " more read, relay "
                            + stats);
        }
    }

    /**
     * A source the benchmark drives: {@link #deliver} hands the next {@code n} posts of the pool,
     * cycling, to the relay on the relay's source thread.
     */
    static final class PostBatchSource implements PostSource {
        private static final int CLOSE = -1;

        private final Post[] pool;
        private final BlockingQueue<Integer> batches = new LinkedBlockingQueue<>();
        private final Semaphore started = new Semaphore(0);
        private int next;

        PostBatchSource(List<Post> pool) {
            this.pool = pool.toArray(new Post[0]);
        }

        void deliver(int n) {
            batches.add(n);
        }

        void awaitStarted() throws InterruptedException {
            if (!started.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the relay did not start its source in 10 s");
            }
        }

        @Override
        public String description() {
            return "benchmark posts";
        }

        @Override
        public void run(Consumer<Post> sink) throws InterruptedException {
            started.release();
            for (int n; (n = batches.take()) != CLOSE; ) {
                for (int i = 0; i < n; i++) {
                    sink.accept(pool[next]);
                    next = next + 1 == pool.length ? 0 : next + 1;
                }
            }
        }

        @Override
        public long skippedCount() {
            return 0;
        }

        @Override
        public void close() {
            batches.add(CLOSE);
        }
    }
}
