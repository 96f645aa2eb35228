package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.input.QueueReader;
import dev.ember.engine.internal.input.ReceiverRunner;
import dev.ember.engine.internal.input.SocketTextReceiver;
import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateCapture;
import dev.ember.engine.internal.state.StateInput;
import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.streaming.Clock;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.scheduler.ReceiverInfo;
import dev.ember.streaming.scheduler.StreamInputInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's side of one input: every kind (socket, receiver, queue, source) becomes a {@link
 * SourceReader}, cut at each batch time into an offset range that the job thread reads. Keeps the
 * input's offsets and its counts for the listeners.
 *
 * <p>Threads: {@link #cut} runs on the scheduler; {@link #read} and {@link #processed} on the job
 * thread; receiver events on the receiver's threads.
 */
final class InputRunner {
    private static final Logger LOG = LoggerFactory.getLogger(InputRunner.class);
    private static final long RATE_WINDOW_MILLIS = 10_000;

    /** One input's part of a batch: the records in {@code (from, to]}. */
    record InputCut(InputRunner input, String from, String to, long records) {}

    private final InputNode node;
    private final int id;
    private final String name;
    private final Clock clock;
    private final SourceReader<?> reader;
    private final Source.Replay replay;
    private final ReceiverRunner receiver;
    private final CheckpointLayout layout;
    private final Map<String, String> settings;
    private final AtomicLong skipped = new AtomicLong();
    private final Map<String, Boolean> skipReasons = new ConcurrentHashMap<>();
    private final ArrayDeque<long[]> rateSamples = new ArrayDeque<>();
    private volatile String lastErrorMessage;
    private volatile String lastError;
    private volatile long lastErrorTime = -1;
    private volatile boolean active;
    private volatile boolean stopped;
    private String lastCut;
    private volatile String completed;

    /** Opens the input of {@code node}: a source that cannot be opened stops the start. */
    InputRunner(
            InputNode node,
            int id,
            String name,
            Clock clock,
            long maxBufferedRecords,
            Consumer<ReceiverInfo> receiverStarted,
            Consumer<ReceiverInfo> receiverError,
            Consumer<ReceiverInfo> receiverStopped,
            ReceiverRunner.FatalHandler fatal,
            CheckpointLayout layout,
            Map<String, String> settings) {
        this.node = node;
        this.layout = layout;
        this.settings = settings;
        this.id = id;
        this.name = name;
        this.clock = clock;
        String description = "input '" + name + "' (" + node.info().describe() + ")";
        ReceiverRunner.Events events =
                new ReceiverRunner.Events() {
                    @Override
                    public void started() {
                        active = true;
                        receiverStarted.accept(receiverInfo());
                    }

                    @Override
                    public void error(String message, Throwable error) {
                        lastErrorMessage = message;
                        lastError = error == null ? null : error.toString();
                        lastErrorTime = clock.currentTimeMillis();
                        receiverError.accept(receiverInfo());
                    }

                    @Override
                    public void fatal(Throwable error, String thread) {
                        fatal.fatal(error, thread, "receiving for input '" + name + "'");
                    }

                    @Override
                    public void stopped(String message, Throwable error) {
                        active = false;
                        if (error != null) {
                            lastErrorMessage = message;
                            lastError = error.toString();
                            lastErrorTime = clock.currentTimeMillis();
                        }
                        receiverStopped.accept(receiverInfo());
                    }
                };
        Opened opened =
                node.spec()
                        .accept(
                                new InputSpec.Visitor<Opened>() {
                                    @Override
                                    public Opened visit(InputSpec.SocketText s) {
                                        return Opened.of(
                                                new ReceiverRunner(
                                                        new SocketTextReceiver(
                                                                s.host(), s.port(), s.options()),
                                                        description,
                                                        maxBufferedRecords,
                                                        events));
                                    }

                                    @Override
                                    public Opened visit(InputSpec.QueueInput q) {
                                        return new Opened(
                                                new QueueReader(q.queue(), q.oneAtATime()),
                                                Source.Replay.NONE,
                                                null);
                                    }

                                    @Override
                                    public Opened visit(InputSpec.ReceiverInput r) {
                                        return Opened.of(
                                                new ReceiverRunner(
                                                        r.receiver(),
                                                        description,
                                                        maxBufferedRecords,
                                                        events));
                                    }

                                    @Override
                                    public Opened visit(InputSpec.SourceInput s) {
                                        return new Opened(
                                                open(s.source(), description),
                                                s.source().replay(),
                                                null);
                                    }
                                });
        this.reader = opened.reader();
        this.replay = opened.replay();
        this.receiver = opened.receiver();
    }

    /** An input's reader, what it can replay, and its receiver when it is one. */
    private record Opened(SourceReader<?> reader, Source.Replay replay, ReceiverRunner receiver) {
        static Opened of(ReceiverRunner receiver) {
            return new Opened(receiver, Source.Replay.NONE, receiver);
        }
    }

    private SourceReader<?> open(Source<?> source, String description) {
        SourceContext context =
                new SourceContext() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public Clock clock() {
                        return clock;
                    }

                    @Override
                    public Optional<Path> stateDirectory() {
                        return layout == null
                                ? Optional.empty()
                                : Optional.of(layout.inputDirectory(name));
                    }

                    @Override
                    public String setting(String key) {
                        return settings.get(key);
                    }

                    @Override
                    public void skipped(String reason, String sample) {
                        long n = skipped.incrementAndGet();
                        if (skipReasons.putIfAbsent(reason, Boolean.TRUE) == null) {
                            LOG.warn(
                                    "{} skipped a record ({}): {}; further records skipped for"
                                            + " this reason are only counted ({} skipped so far)",
                                    description,
                                    reason,
                                    sample,
                                    n);
                        }
                    }
                };
        try {
            SourceReader<?> opened = source.open(context);
            if (opened == null) {
                throw new SourceException(
                        source.getClass().getName()
                                + ".open returned null for "
                                + description
                                + "; return a reader");
            }
            return opened;
        } catch (SourceException e) {
            throw e;
        } catch (Exception e) {
            throw new SourceException(
                    "Cannot open " + description + " (" + source.describe() + "): " + e, e);
        }
    }

    InputNode node() {
        return node;
    }

    String name() {
        return name;
    }

    boolean isReceiver() {
        return receiver != null;
    }

    Source.Replay replay() {
        return replay;
    }

    /**
     * Starts reading after {@code after} (null: from the source's own start); {@code completed} is
     * the offset after the last processed batch, when restarting from a snapshot.
     */
    void start(String after, String completed) {
        lastCut = after;
        this.completed = completed;
        reader.start(after);
    }

    /**
     * Closes this input's part of the batch being cut. A source stopped by a graceful stop takes
     * nothing more: its part is empty, at its last offset.
     */
    InputCut cut() {
        if (stopped) {
            return new InputCut(this, lastCut, lastCut, 0);
        }
        SourceReader.Cut cut = reader.cut();
        InputCut result = new InputCut(this, lastCut, cut.offset(), cut.records());
        lastCut = cut.offset();
        if (receiver != null) {
            sampleRate();
        }
        return result;
    }

    /**
     * This input's part of a batch cut before a restart: its original range when the input can read
     * ranges again, nothing otherwise (its records, if any, come back through its buffer or after
     * its offset).
     */
    InputCut replayedCut(String from, String to) {
        return replay == Source.Replay.RANGES ? new InputCut(this, from, to, -1) : nothing();
    }

    /** A part of a batch with no records. */
    InputCut nothing() {
        return new InputCut(this, null, null, 0);
    }

    /** The records of {@code cut}, as blocks. */
    List<? extends List<?>> read(InputCut cut) {
        return cut.to() == null || cut.to().equals(cut.from())
                ? List.of()
                : reader.read(cut.from(), cut.to());
    }

    /** The batch holding {@code cut} has been processed. */
    void processed(InputCut cut) {
        if (cut.to() != null) {
            reader.processed(cut.to());
            completed = cut.to();
        }
    }

    /** Everything up to {@code offset} is in a durable checkpoint. */
    void committed(String offset) {
        reader.committed(offset);
    }

    /** The offset after the last processed batch, or null before the first. */
    String completedOffset() {
        return completed;
    }

    /**
     * The records this input holds for batches not yet processed, as state that snapshots save: a
     * receiver's or a queue's, which cannot read them again; null for sources, which re-read their
     * ranges or resume after their offset.
     */
    OperatorState buffer() {
        if (receiver != null) {
            return new BufferState("receiverBuffer", receiver::buffered, receiver::restoreBuffered);
        }
        if (reader instanceof QueueReader queue) {
            return new BufferState("queueBuffer", queue::buffered, queue::restoreBuffered);
        }
        return null;
    }

    /** Records held by a receiver or a queue, saved and restored as a list. */
    private record BufferState(
            String kind, Supplier<List<Object>> records, Consumer<List<?>> restore)
            implements OperatorState {
        @Override
        public long size() {
            return records.get().size();
        }

        @Override
        public StateCapture capture() {
            List<Object> held = records.get();
            return out -> {
                out.writeLong(held.size());
                for (Object record : held) {
                    out.writeValue(record);
                }
            };
        }

        @Override
        public void restore(StateInput in, int version) throws IOException {
            long n = in.readLong();
            List<Object> held = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                held.add(in.readValue());
            }
            restore.accept(held);
        }
    }

    /**
     * Stops taking new records, for a graceful stop: a receiver or a queue stops, and what it
     * already holds stays available to the next cut; a source is left open, so that the batches
     * already cut can still read their ranges, and its later cuts are empty.
     */
    void stop() {
        if (receiver != null || reader instanceof QueueReader) {
            reader.close();
        } else {
            stopped = true;
        }
    }

    /** Releases the input for good. */
    void close() {
        stopped = true;
        reader.close();
    }

    StreamInputInfo info(InputCut cut, long records) {
        return new StreamInputInfo(id, name, records, cut.from(), cut.to());
    }

    private synchronized void sampleRate() {
        long now = clock.currentTimeMillis();
        rateSamples.addLast(new long[] {now, receiver.stored()});
        while (rateSamples.size() > 2 && now - rateSamples.peekFirst()[0] > RATE_WINDOW_MILLIS) {
            rateSamples.removeFirst();
        }
    }

    private synchronized double rate() {
        if (rateSamples.size() < 2) {
            return 0;
        }
        long[] first = rateSamples.peekFirst();
        long[] last = rateSamples.peekLast();
        long millis = last[0] - first[0];
        return millis <= 0 ? 0 : (last[1] - first[1]) * 1000.0 / millis;
    }

    ReceiverInfo receiverInfo() {
        return new ReceiverInfo(
                id,
                name,
                active,
                lastErrorMessage,
                lastError,
                lastErrorTime,
                receiver == null ? 0 : receiver.stored(),
                rate());
    }
}
