package dev.ember.test;

import dev.ember.streaming.Time;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The batches of one stream, recorded by batch time: what {@link StreamingTestDriver#collect}
 * returns.
 *
 * <p>Every batch the stream produces is recorded, an empty batch as an empty list, so a test can
 * tell "the batch ran and was empty" from "the batch did not run". A windowed stream produces
 * batches only at multiples of its slide, and so only those times appear.
 *
 * <p>Each recorded list holds the batch's elements as {@code Batch.collect()} returns them
 * (partition by partition); the lists are unmodifiable. Thread-safe: batches are recorded on the
 * runner's thread and may be read from any thread.
 *
 * @param <T> the element type
 */
public final class TestOutput<T> {
    private final String name;
    private final ConcurrentSkipListMap<Time, List<T>> batches = new ConcurrentSkipListMap<>();

    /** Set after a recovery: recomputed batches are recorded again, replacing earlier records. */
    private volatile boolean rerecord;

    TestOutput(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The name given to {@link StreamingTestDriver#collect}. */
    public String name() {
        return name;
    }

    /**
     * The elements of the batch at {@code timeMillis}.
     *
     * @throws NoSuchElementException when no batch was recorded at that time; the message lists the
     *     batch times that were
     */
    public List<T> batch(long timeMillis) {
        return batch(new Time(timeMillis));
    }

    /**
     * The elements of the batch at {@code time}.
     *
     * @throws NoSuchElementException when no batch was recorded at that time; the message lists the
     *     batch times that were
     */
    public List<T> batch(Time time) {
        Objects.requireNonNull(time, "time");
        List<T> batch = batches.get(time);
        if (batch == null) {
            throw new NoSuchElementException(
                    "test output '"
                            + name
                            + "' has no batch at "
                            + time
                            + "; it has batches at "
                            + batches.keySet()
                            + ": advance the driver with advanceBatches(n) to run later batches,"
                            + " and note that a windowed stream emits only at multiples of its"
                            + " slide");
        }
        return batch;
    }

    /** A snapshot of every batch recorded so far, by batch time. */
    public SortedMap<Time, List<T>> batches() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(batches));
    }

    /** A snapshot of every batch recorded so far, in batch time order. */
    public List<List<T>> batchList() {
        return List.copyOf(batches.values());
    }

    /** After a recovery, batches recomputed from the checkpoint replace their earlier records. */
    void allowRecording() {
        rerecord = true;
    }

    /** Records the elements of the batch at {@code time}; called by the driver's output. */
    void record(Time time, List<T> elements) {
        List<T> copy = Collections.unmodifiableList(new ArrayList<>(elements));
        if (rerecord) {
            batches.put(time, copy);
            return;
        }
        List<T> earlier = batches.putIfAbsent(time, copy);
        if (earlier != null) {
            throw new IllegalStateException(
                    "test output '"
                            + name
                            + "' received the batch at "
                            + time
                            + " twice: "
                            + earlier
                            + " and "
                            + copy
                            + "; a runner must run each batch time once");
        }
    }

    /** The name and the recorded batch times, for assertion messages. */
    @Override
    public String toString() {
        return "TestOutput[" + name + ", batches at " + batches.keySet() + "]";
    }
}
