package dev.ember.social;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A post source fed by the test: {@link #add} delivers, {@link #end} makes {@code run} return. */
final class QueueSource implements PostSource {
    private static final Post END = post("end", "");

    private final BlockingQueue<Post> queue = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Semaphore delivered = new Semaphore(0);
    private volatile RuntimeException failure;
    private volatile boolean closed;

    static Post post(String id, String text) {
        return new Post(id, text, "author", null, "en", Hashtags.extract(text), "test");
    }

    void add(String... texts) {
        for (String text : texts) {
            queue.add(post("p" + queue.size(), text));
        }
    }

    void add(Post post) {
        queue.add(post);
    }

    /** Ends {@code run} once the posts added before are delivered. */
    void end() {
        queue.add(END);
    }

    /** Makes {@code run} throw {@code e} once the posts added before are delivered. */
    void failWith(RuntimeException e) {
        failure = e;
        queue.add(END);
    }

    /** Waits until {@code n} more posts have been handed to the sink. */
    void awaitDelivered(int n) throws InterruptedException {
        if (!delivered.tryAcquire(n, 10, TimeUnit.SECONDS)) {
            throw new AssertionError("the source did not deliver " + n + " posts in 10 s");
        }
    }

    boolean hasStarted() {
        return started.getCount() == 0;
    }

    /** Waits until {@code run} has returned: every post it took has been delivered. */
    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String description() {
        return "queue";
    }

    @Override
    public void run(Consumer<Post> sink) throws InterruptedException {
        started.countDown();
        try {
            while (!closed) {
                Post post = queue.take();
                if (post == END) {
                    RuntimeException f = failure;
                    if (f != null) {
                        throw f;
                    }
                    return;
                }
                sink.accept(post);
                delivered.release();
            }
        } finally {
            finished.countDown();
        }
    }

    @Override
    public long skippedCount() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
        queue.add(END);
    }
}
