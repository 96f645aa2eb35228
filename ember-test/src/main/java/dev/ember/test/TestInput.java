package dev.ember.test;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.StorageLevel;
import dev.ember.streaming.StreamingContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A named input stream that a test fills by hand: what {@link StreamingTestDriver#newInput}
 * returns.
 *
 * <p>Elements passed to {@link #add} are stored synchronously on the calling thread, so they are
 * part of the next batch that runs: after {@code add("a")} and {@code advanceBatches(1)}, the batch
 * that just ran contains {@code "a"}. Elements added before the driver starts are kept and stored
 * when the input starts, so they land in the first batch. Each call to {@code add} stores one block
 * of the runner's receive buffer; adding more than the buffer holds without advancing blocks, as a
 * real receiver would under backpressure.
 *
 * <p>Thread-safe.
 *
 * @param <T> the element type
 */
public final class TestInput<T> {
    private final String name;
    private final InputReceiver<T> receiver;
    private final DStream<T> stream;

    TestInput(String name, StreamingContext context) {
        this.name = Objects.requireNonNull(name, "name");
        this.receiver = new InputReceiver<>(name);
        this.stream = context.receiverStream(receiver).name(name);
    }

    /** The name given to {@link StreamingTestDriver#newInput}. */
    public String name() {
        return name;
    }

    /**
     * The stream of the elements added to this input; build the pipeline under test on it (use
     * {@code mapToPair} for a pair stream). Its stable name is the input's name.
     */
    public DStream<T> stream() {
        return stream;
    }

    /**
     * Adds {@code elements} to the next batch, in order. Adding no elements does nothing.
     *
     * @throws IllegalStateException when the context has stopped
     */
    @SafeVarargs
    public final void add(T... elements) {
        List<T> block = new ArrayList<>(elements.length);
        for (T element : elements) {
            block.add(element);
        }
        receiver.add(block);
    }

    /**
     * Adds every element of {@code elements} to the next batch, in iteration order. Adding an empty
     * collection does nothing.
     *
     * @throws IllegalStateException when the context has stopped
     */
    public void addAll(Collection<? extends T> elements) {
        Objects.requireNonNull(elements, "elements");
        receiver.add(new ArrayList<>(elements));
    }

    /**
     * Waits until the runner has started this input and it has stored what was added before.
     * Runners start receivers on threads of their own, so the driver calls this after starting the
     * context; it is a hand-shake that returns as soon as the receiver has started.
     */
    void awaitStarted(long timeoutMillis) throws InterruptedException {
        if (!receiver.started.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    "the runner did not start test input '"
                            + name
                            + "' within "
                            + timeoutMillis
                            + " ms of start(): its receiver's onStart() was never called");
        }
    }

    /** The name, for assertion messages. */
    @Override
    public String toString() {
        return "TestInput[" + name + "]";
    }

    /**
     * The receiver behind a test input. It has no thread: the test's thread stores each block
     * directly. Elements added before {@link #onStart()} wait in {@code pending} and are stored by
     * it, under the same lock, so no element is lost or reordered whichever thread the runner
     * starts the receiver on.
     */
    private static final class InputReceiver<T> extends Receiver<T> {
        private static final long serialVersionUID = 1L;

        private enum State {
            NOT_STARTED,
            STARTED,
            STOPPED
        }

        private final String name;
        private final transient Object lock = new Object();
        private final transient List<T> pending = new ArrayList<>();
        private final transient CountDownLatch started = new CountDownLatch(1);
        private transient State state = State.NOT_STARTED;

        InputReceiver(String name) {
            super(StorageLevel.MEMORY_ONLY);
            this.name = name;
        }

        @Override
        public void onStart() {
            synchronized (lock) {
                state = State.STARTED;
                if (!pending.isEmpty()) {
                    storeBlock(new ArrayList<>(pending));
                    pending.clear();
                }
            }
            started.countDown();
        }

        @Override
        public void onStop() {
            synchronized (lock) {
                state = State.STOPPED;
            }
        }

        void add(List<T> elements) {
            if (elements.isEmpty()) {
                return;
            }
            synchronized (lock) {
                switch (state) {
                    case NOT_STARTED -> pending.addAll(elements);
                    case STARTED -> storeBlock(elements);
                    case STOPPED ->
                            throw new IllegalStateException(
                                    "cannot add to test input '"
                                            + name
                                            + "': its context has stopped, so no further batch will run");
                }
            }
        }

        private void storeBlock(List<T> elements) {
            store(Collections.unmodifiableList(elements));
        }
    }
}
