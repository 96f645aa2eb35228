package dev.ember.ui.internal;

import dev.ember.spi.ContextAccess;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.spi.plan.WindowNode;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taps the top-N stream: an output operation that takes the {@code top} largest counts of each
 * batch (ties by key) and hands them to the window thread, which builds the row, stores it and
 * pushes it to the pages.
 *
 * <p>The batch path pays only for {@code Batch.top} and one queue offer. The hand-off queue holds
 * {@link #QUEUE} windows; when the window thread falls that far behind, the oldest waiting window
 * is skipped (and counted) rather than holding up the stream.
 */
final class TopTap implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopTap.class);
    private static final int QUEUE = 16;

    private final TopSettings settings;
    private final ThreadPoolExecutor thread;
    private final Consumer<WindowRow> sink;
    private final DashboardMetrics metrics;
    private volatile boolean closed;

    private TopTap(TopSettings settings, Consumer<WindowRow> sink, DashboardMetrics metrics) {
        this.settings = settings;
        this.sink = sink;
        this.metrics = metrics;
        this.thread =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        r -> {
                            Thread t = new Thread(r, "ember-ui-windows");
                            t.setDaemon(true);
                            return t;
                        },
                        (task, executor) -> {
                            if (!executor.isShutdown()) {
                                executor.getQueue().poll();
                                metrics.windowDropped();
                                executor.execute(task);
                            }
                        });
    }

    /**
     * Registers the tap as an output operation of {@code counts}; must run before the context
     * starts.
     */
    static <T extends Tuple2<?, ? extends Number>> TopTap attach(
            DStream<T> counts,
            String title,
            int top,
            Consumer<WindowRow> sink,
            DashboardMetrics metrics) {
        long slide = counts.slideDuration().milliseconds();
        TopSettings settings =
                new TopSettings(
                        title,
                        counts.name(),
                        top,
                        windowSpan(ContextAccess.plan(counts.context()).node(counts.name()), slide),
                        slide);
        TopTap tap = new TopTap(settings, sink, metrics);
        Comparator<T> order = largestFirst();
        counts.foreachRDD((batch, time) -> tap.offer(time, batch.top(top, order)));
        return tap;
    }

    TopSettings settings() {
        return settings;
    }

    private void offer(Time time, List<? extends Tuple2<?, ? extends Number>> top) {
        if (closed) {
            return;
        }
        long end = time.milliseconds();
        thread.execute(() -> publish(end, top));
    }

    private void publish(long end, List<? extends Tuple2<?, ? extends Number>> top) {
        try {
            List<WindowRow.Entry> entries = new ArrayList<>(top.size());
            for (Tuple2<?, ? extends Number> pair : top) {
                entries.add(new WindowRow.Entry(String.valueOf(pair._1()), pair._2()));
            }
            sink.accept(new WindowRow(end - settings.windowMillis(), end, List.copyOf(entries)));
            metrics.windowShown();
        } catch (RuntimeException e) {
            LOG.warn(
                    "dashboard: could not show the window ending at {} ms of stream '{}': {}",
                    end,
                    settings.stream(),
                    e.toString());
        }
    }

    /**
     * The length of the windows of the stream recorded by {@code node}: the first window found up
     * its first-parent chain, or one slide when there is none.
     */
    static long windowSpan(PlanNode node, long slideMillis) {
        PlanNode n = node;
        while (true) {
            Duration window =
                    n instanceof WindowNode w
                            ? w.windowDuration()
                            : n instanceof ReducedWindowNode r ? r.windowDuration() : null;
            if (window != null) {
                return window.milliseconds();
            }
            if (n.parents().isEmpty()) {
                return slideMillis;
            }
            n = n.parents().get(0);
        }
    }

    /**
     * Orders pairs so that {@code top} returns the largest counts first, and among equal counts the
     * smallest key first.
     */
    static <T extends Tuple2<?, ? extends Number>> Comparator<T> largestFirst() {
        return (Comparator<T> & Serializable)
                (a, b) -> {
                    int byCount = compareCounts(a._2(), b._2());
                    return byCount != 0
                            ? byCount
                            : String.valueOf(b._1()).compareTo(String.valueOf(a._1()));
                };
    }

    private static int compareCounts(Number a, Number b) {
        if (integral(a) && integral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigDecimal
                || a instanceof BigInteger
                || b instanceof BigDecimal
                || b instanceof BigInteger) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        return Double.compare(a.doubleValue(), b.doubleValue());
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
