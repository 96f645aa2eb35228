package dev.ember.social.internal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The demo source on the system clock and a real thread. */
class DemoSourceIT {

    /** Runs {@code source} on a new thread; the latch opens when run returns or throws. */
    private static Thread start(
            DemoSource source,
            BlockingQueue<Post> posts,
            AtomicReference<Throwable> failure,
            CountDownLatch done) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                source.run(posts::offer);
                            } catch (Throwable t) {
                                failure.set(t);
                            } finally {
                                done.countDown();
                            }
                        },
                        "demo-source-it");
        thread.start();
        return thread;
    }

    @Test
    void closeFromAnotherThreadEndsALongWaitAtOnce() throws Exception {
        // One post now, the next in 1,000 s: run() is parked when close() comes.
        DemoSource source = new DemoSource(new DemoSettings(42, 0.001, true));
        BlockingQueue<Post> posts = new ArrayBlockingQueue<>(10);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Instant before = Instant.now();
        start(source, posts, failure, done);

        Post first = posts.poll(5, TimeUnit.SECONDS);
        assertEquals("demo-42-0", first.id());
        assertFalse(first.createdAt().isBefore(before.minusMillis(1)));
        source.close();

        assertTrue(done.await(500, TimeUnit.MILLISECONDS), "run did not return after close");
        assertEquals(null, failure.get());
        assertTrue(posts.isEmpty());
    }

    @Test
    void interruptingTheRunningThreadEndsAWaitWithInterruptedException() throws Exception {
        DemoSource source = new DemoSource(new DemoSettings(42, 0.001, true));
        BlockingQueue<Post> posts = new ArrayBlockingQueue<>(10);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = start(source, posts, failure, done);

        posts.poll(5, TimeUnit.SECONDS);
        thread.interrupt();

        assertTrue(done.await(500, TimeUnit.MILLISECONDS), "run did not return on interrupt");
        assertTrue(failure.get() instanceof InterruptedException, String.valueOf(failure.get()));
    }

    @Test
    void keepsItsPaceOnTheWallClock() throws Exception {
        DemoSource source = new DemoSource(new DemoSettings(42, 200, true));
        BlockingQueue<Post> posts = new ArrayBlockingQueue<>(1000);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        long startNanos = System.nanoTime();
        start(source, posts, failure, done);

        Post first = posts.poll(5, TimeUnit.SECONDS);
        Post fiftieth = null;
        for (int i = 1; i < 50; i++) {
            fiftieth = posts.poll(5, TimeUnit.SECONDS);
        }
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
        source.close();
        assertTrue(done.await(500, TimeUnit.MILLISECONDS));

        // Post 49 is due 245 ms after the start; it cannot come sooner.
        assertEquals(first.createdAt().plusMillis(245), fiftieth.createdAt());
        assertTrue(elapsedMillis >= 240, "50 posts at 200/s took only " + elapsedMillis + " ms");
    }
}
