package dev.ember.engine.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The N worker threads of a {@code local[N]} master. Partition tasks of a batch run here; the
 * calling thread waits for all of them. A task that itself starts tasks (an action inside a user
 * function on a worker) runs them inline, so the pool can never deadlock on itself.
 */
public final class WorkerPool {
    private final int threads;
    private final ExecutorService executor;
    private final ThreadLocal<Boolean> onWorker = ThreadLocal.withInitial(() -> false);

    /**
     * What the tasks are for, such as the batch they belong to: for the message of a fatal error.
     */
    private volatile String activity = "running a partition task";

    public WorkerPool(String appName, int threads) {
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.executor =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t =
                                    new Thread(
                                            () -> {
                                                onWorker.set(true);
                                                r.run();
                                            },
                                            "ember-worker-" + appName + "-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    public int threads() {
        return threads;
    }

    /** Says what the next tasks are for, for the message of a fatal error in one of them. */
    public void activity(String activity) {
        this.activity = activity;
    }

    /** Runs {@code task} for 0..count-1 in parallel and returns when all are done. */
    public void runAll(int count, IntConsumer task) {
        if (count == 0) {
            return;
        }
        if (count == 1 || threads == 1 || onWorker.get()) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(
                    executor.submit(
                            () -> {
                                try {
                                    task.accept(index);
                                } catch (Error e) {
                                    if (FatalError.isFatal(e)) {
                                        throw FatalError.stop(
                                                e, Thread.currentThread().getName(), activity);
                                    }
                                    throw e;
                                }
                            }));
        }
        Throwable failure = null;
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause();
                }
            } catch (InterruptedException e) {
                futures.forEach(x -> x.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batch tasks", e);
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
