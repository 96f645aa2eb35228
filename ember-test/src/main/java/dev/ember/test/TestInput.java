package dev.ember.test;

import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
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
 * A named input stream that a test fills by hand: what {@link StreamingTestDriver#newInput} and
 * {@link StreamingTestDriver#newReplayableInput} return.
 *
 * <p>Elements passed to {@link #add} are part of the next batch that runs: after {@code add("a")}
 * and {@code advanceBatches(1)}, the batch that just ran contains {@code "a"}. Elements added
 * before the driver starts land in the first batch.
 *
 * <p>Two kinds: a plain input is a receiver, as {@code socketTextStream} is: each call to {@code
 * add} stores one block of the runner's receive buffer (adding more than the buffer holds without
 * advancing blocks, as a real receiver would under backpressure), and a crash loses what it held. A
 * replayable input is a source that keeps every element it was given, with offsets, as files or
 * Kafka are: after {@link StreamingTestDriver#crashAndRecover()} the runner reads its ranges again,
 * so nothing is lost.
 *
 * <p>Thread-safe.
 *
 * @param <T> the element type
 */
public final class TestInput<T> {
    private final String name;
    private final boolean replayable;
    private final Object lock = new Object();

    /** A replayable input's elements, all of them, by offset. */
    private final List<T> log = new ArrayList<>();

    private InputReceiver<T> receiver;
    private DStream<T> stream;

    TestInput(String name, boolean replayable, StreamingContext context) {
        this.name = Objects.requireNonNull(name, "name");
        this.replayable = replayable;
        bind(context);
    }

    /** Creates this input's stream on {@code context}: at creation, and after a recovery. */
    void bind(StreamingContext context) {
        synchronized (lock) {
            if (replayable) {
                stream = context.sourceStream(new LogSource<>(this)).name(name);
            } else {
                receiver = new InputReceiver<>(name);
                stream = context.receiverStream(receiver).name(name);
            }
        }
    }

    /** The name given to {@link StreamingTestDriver#newInput}. */
    public String name() {
        return name;
    }

    /** True for an input made by {@link StreamingTestDriver#newReplayableInput}. */
    public boolean isReplayable() {
        return replayable;
    }

    /**
     * The stream of the elements added to this input; build the pipeline under test on it (use
     * {@code mapToPair} for a pair stream). Its stable name is the input's name.
     */
    public DStream<T> stream() {
        synchronized (lock) {
            return stream;
        }
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
        addBlock(block);
    }

    /**
     * Adds every element of {@code elements} to the next batch, in iteration order. Adding an empty
     * collection does nothing.
     *
     * @throws IllegalStateException when the context has stopped
     */
    public void addAll(Collection<? extends T> elements) {
        Objects.requireNonNull(elements, "elements");
        addBlock(new ArrayList<>(elements));
    }

    private void addBlock(List<T> block) {
        if (block.isEmpty()) {
            return;
        }
        if (replayable) {
            synchronized (lock) {
                log.addAll(block);
            }
        } else {
            InputReceiver<T> r;
            synchronized (lock) {
                r = receiver;
            }
            r.add(block);
        }
    }

    /**
     * Waits until the runner has started this input and it has stored what was added before.
     * Runners start receivers on threads of their own, so the driver calls this after starting the
     * context; it is a hand-shake that returns as soon as the receiver has started. A replayable
     * input needs none.
     */
    void awaitStarted(long timeoutMillis) throws InterruptedException {
        InputReceiver<T> r;
        synchronized (lock) {
            r = receiver;
        }
        if (r != null && !r.started.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
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
        return "TestInput[" + name + (replayable ? ", replayable]" : "]");
    }

    /** The elements at offsets {@code [from, to)}. */
    private List<T> range(long from, long to) {
        synchronized (lock) {
            return List.copyOf(log.subList((int) from, (int) to));
        }
    }

    private long size() {
        synchronized (lock) {
            return log.size();
        }
    }

    /**
     * A replayable input as a source: offsets count the elements added; a range is read from the
     * input's log, which outlives the contexts a test crashes.
     */
    private static final class LogSource<T> implements Source<T> {
        private static final long serialVersionUID = 1L;
        private final transient TestInput<T> input;

        LogSource(TestInput<T> input) {
            this.input = input;
        }

        @Override
        public String describe() {
            return "test input " + input.name;
        }

        @Override
        public String identity() {
            return input.name;
        }

        @Override
        public Replay replay() {
            return Replay.RANGES;
        }

        @Override
        public SourceReader<T> open(SourceContext context) {
            return new SourceReader<>() {
                @Override
                public void start(String after) {}

                @Override
                public Cut cut() {
                    return new Cut(Long.toString(input.size()), -1);
                }

                @Override
                public List<? extends List<? extends T>> read(String from, String to) {
                    List<T> elements =
                            input.range(
                                    from == null ? 0 : Long.parseLong(from), Long.parseLong(to));
                    return elements.isEmpty() ? List.of() : List.of(elements);
                }

                @Override
                public void close() {}
            };
        }
    }

    /**
     * The receiver behind a plain test input. It has no thread: the test's thread stores each block
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
