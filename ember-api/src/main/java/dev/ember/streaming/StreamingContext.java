package dev.ember.streaming;

import dev.ember.spi.Execution;
import dev.ember.spi.LocalMaster;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Runner;
import dev.ember.spi.Source;
import dev.ember.spi.StateSerializer;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StatefulNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.spi.plan.TransformNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.streaming.function.Function;
import dev.ember.streaming.function.Function0;
import dev.ember.streaming.function.Function2;
import dev.ember.streaming.internal.ContextHook;
import dev.ember.streaming.internal.files.FileSource;
import dev.ember.streaming.scheduler.StreamingListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point of a streaming program, as Spark's {@code JavaStreamingContext}: it creates input
 * streams, and {@link #start()} runs the graph built on them every batch interval.
 *
 * <p>Lifecycle: inputs, transformations and outputs are defined while the context is {@link
 * StreamingContextState#INITIALIZED}; {@link #start()} validates the graph and hands it to the
 * runner that supports the master ({@code local}, {@code local[N]} and {@code local[*]} run in this
 * JVM); {@link #stop(boolean)} ends it for good. Only one context is active per JVM at a time.
 *
 * <p>Batch times are multiples of the batch interval; the data received during {@code (t -
 * interval, t]} forms the batch at {@code t}.
 *
 * <p>Not thread-safe while defining the graph; {@code stop} and {@code awaitTermination} may be
 * called from any thread.
 */
public final class StreamingContext implements AutoCloseable {
    private static final AtomicReference<StreamingContext> ACTIVE = new AtomicReference<>();

    private final String master;
    private final String appName;
    private final Duration batchDuration;
    private final GraphBuilder graph = new GraphBuilder(this);
    private final Object lock = new Object();

    private Clock clock = Clock.system();
    private PrintStream out = System.out;
    private String checkpointDirectory;
    private volatile StreamingContextState state = StreamingContextState.INITIALIZED;
    private volatile Execution execution;
    private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
    private StateSerializer stateSerializer = StateSerializer.standard();
    private final StreamingConf conf = new StreamingConf();
    private byte[] restoreFrom;

    static {
        ContextHook.install(
                new ContextHook.Access() {
                    @Override
                    public Execution execution(StreamingContext context) {
                        Execution e = context.execution;
                        if (e == null) {
                            throw new IllegalStateException(
                                    "context '"
                                            + context.appName
                                            + "' has not been started: call start() first");
                        }
                        return e;
                    }

                    @Override
                    public StreamGraph plan(StreamingContext context) {
                        return context.graph.snapshot(
                                context.appName,
                                context.batchDuration,
                                context.checkpointDirectory);
                    }

                    @Override
                    public void restoreOnStart(StreamingContext context, byte[] snapshot) {
                        context.requireInitialized("restore");
                        context.restoreFrom = snapshot;
                    }
                });
    }

    /**
     * Creates a context.
     *
     * @param master {@code local} (one worker thread), {@code local[N]}, {@code local[*]} (one per
     *     core), or a cluster master handled by another runner
     * @param appName the application's name, shown in logs and messages
     * @param batchDuration the batch interval; must be positive
     */
    public StreamingContext(String master, String appName, Duration batchDuration) {
        this.master = Objects.requireNonNull(master, "master");
        this.appName = Objects.requireNonNull(appName, "appName");
        this.batchDuration = Objects.requireNonNull(batchDuration, "batchDuration");
        if (batchDuration.isZero()) {
            throw new IllegalArgumentException(
                    "batch duration of context '"
                            + appName
                            + "' must be positive, got 0 ms; use for example"
                            + " Durations.seconds(1)");
        }
        if (LocalMaster.isLocal(master)) {
            LocalMaster.threads(master);
        }
    }

    /** The master this context runs on. */
    public String master() {
        return master;
    }

    /** The application's name. */
    public String appName() {
        return appName;
    }

    /** The batch interval. */
    public Duration batchDuration() {
        return batchDuration;
    }

    /** The lifecycle state. */
    public StreamingContextState getState() {
        return state;
    }

    /**
     * Replaces the system clock; the test kit uses this to drive batches by hand. Only before
     * {@link #start()}.
     */
    public void setClock(Clock clock) {
        requireInitialized("setClock");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Where {@code print()} writes; {@link System#out} by default. Only before {@link #start()}.
     */
    public void setPrintStream(PrintStream out) {
        requireInitialized("setPrintStream");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Where {@code print()} writes: {@link System#out} unless {@link #setPrintStream} replaced it.
     * Other output that belongs next to the printed batches, such as a SQL result's {@code show()},
     * writes here too, so that it interleaves with {@code print()} in batch order.
     */
    public PrintStream printStream() {
        return out;
    }

    /**
     * The context {@code creatingFunc} builds, resuming from the checkpoints in {@code
     * checkpointPath}, as Spark's {@code getOrCreate}. Unlike Spark, the function is called in both
     * cases: Ember's checkpoints hold state and offsets, not the program, so the program is always
     * built from code (and a newer build of it can resume from an older one's checkpoints). The
     * directory is set on the returned context when the function did not set one.
     *
     * @throws IllegalArgumentException when the function set another checkpoint directory
     * @throws StreamingException when the function fails or returns null
     */
    public static StreamingContext getOrCreate(
            String checkpointPath, Function0<StreamingContext> creatingFunc) {
        Objects.requireNonNull(checkpointPath, "checkpointPath");
        Objects.requireNonNull(creatingFunc, "creatingFunc");
        StreamingContext ssc;
        try {
            ssc = creatingFunc.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StreamingException("the function that creates the context failed: " + e, e);
        }
        if (ssc == null) {
            throw new StreamingException(
                    "the function given to getOrCreate returned null; return the context it built");
        }
        if (ssc.checkpointDirectory == null) {
            ssc.checkpoint(checkpointPath);
        } else if (!ssc.checkpointDirectory.equals(checkpointPath)) {
            throw new IllegalArgumentException(
                    "getOrCreate was given checkpoint directory '"
                            + checkpointPath
                            + "', but the context it created checkpoints to '"
                            + ssc.checkpointDirectory
                            + "'; use one directory");
        }
        return ssc;
    }

    /**
     * Adds a listener for the events of this context (batches submitted, started and completed with
     * their records and delays, output operations, receivers), as Spark's {@code
     * addStreamingListener}. May be called before or after {@link #start()}; events are delivered
     * on a thread of their own, so a slow listener never delays a batch (see {@link
     * StreamingListener}).
     */
    public void addStreamingListener(StreamingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addStreamingListener}; it receives no later event. */
    public void removeStreamingListener(StreamingListener listener) {
        listeners.remove(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * This context's settings (write-ahead log, receiver limits, backpressure, checkpoints,
     * graceful stop): see {@link StreamingConf}. Change them before {@link #start()}.
     */
    public StreamingConf conf() {
        return conf;
    }

    /**
     * Replaces the serializer of the values kept in state when it is saved (see {@link
     * StateSerializer}): the standard one writes strings, numbers, {@code Tuple2} and lists
     * directly and other values with Java serialization. Only before {@link #start()}.
     */
    public void setStateSerializer(StateSerializer serializer) {
        requireInitialized("setStateSerializer");
        this.stateSerializer = Objects.requireNonNull(serializer, "serializer");
    }

    /**
     * Sets the directory for checkpoints, required by stateful operators. The local runner writes
     * there, at each checkpoint interval, everything the program keeps across batches (state,
     * window buffers, source offsets, pending batches; never code), and {@link #start()} resumes
     * from the newest checkpoint the directory holds: build the same program again, call this with
     * the same directory, start, and it goes on where it was. Streams find their state by stable
     * name (see {@link DStream#name(String)}), so the rebuilt program may have grown. Details and
     * guarantees: docs/checkpointing.md. Only before {@link #start()}.
     */
    public void checkpoint(String directory) {
        requireInitialized("checkpoint");
        this.checkpointDirectory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * Keeps the batches of every stream for at least {@code duration} after their batch time, as
     * Spark's {@code remember}, so that {@link DStream#slice} can read past batches: after the
     * batch at {@code t}, each stream still holds its batches of {@code (t - duration, t]}. Streams
     * that need longer (the parent of a window keeps its batches for the window's length) keep them
     * longer.
     *
     * <p>Without this call a stream keeps a batch only while an operator of the graph may still
     * read it, so {@code slice} finds nothing for most streams once their batch has run; Spark
     * keeps at least each stream's latest batch. Memory grows with the duration: every remembered
     * batch of every stream stays in the heap.
     *
     * <p>Only before {@link #start()}, and only once.
     *
     * @param duration how long to keep batches; must be positive
     * @throws IllegalArgumentException when {@code duration} is zero
     * @throws IllegalStateException when the context has been started, or the duration has been set
     *     already
     */
    public void remember(Duration duration) {
        requireInitialized("remember");
        Objects.requireNonNull(duration, "duration");
        if (duration.isZero()) {
            throw new IllegalArgumentException(
                    "remember duration of context '"
                            + appName
                            + "' must be positive, got 0 ms; use for example the batch interval "
                            + batchDuration.pretty()
                            + " or a multiple of it");
        }
        graph.remember(duration);
    }

    /**
     * A stream of the UTF-8 lines sent by the TCP server at {@code host:port}, with default {@link
     * SocketOptions}: this stream connects to the server (start one with {@code nc -lk 9999}), and
     * reconnects with backoff when the server goes away.
     */
    public DStream<String> socketTextStream(String host, int port) {
        return socketTextStream(host, port, SocketOptions.defaults());
    }

    /** {@link #socketTextStream(String, int)} with explicit options. */
    public DStream<String> socketTextStream(String host, int port, SocketOptions options) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "port of socketTextStream must be between 1 and 65535, got " + port);
        }
        return input("socketTextStream", new InputSpec.SocketText(host, port, options));
    }

    /**
     * A stream of the lines of the text files that arrive in {@code directory}, as Spark's {@code
     * textFileStream}: files present when the stream first starts are left out. Same as {@code
     * fileStream(directory, path -> true, true)}; see {@link #fileStream} for the rules.
     */
    public DStream<String> textFileStream(String directory) {
        return input(
                "textFileStream",
                new InputSpec.SourceInput(new FileSource(directory, path -> true, true)));
    }

    /**
     * A stream of the lines of the text files in {@code directory} that {@code filter} accepts, as
     * Spark's {@code fileStream}. Unlike Spark's, it reads UTF-8 text only, one record per line
     * ({@code \n} or {@code \r\n}), with no Hadoop {@code InputFormat}, key or value classes.
     *
     * <p>Which files: the regular files directly in {@code directory} (not in subdirectories),
     * except names starting with {@code .} or {@code _}, which writers use for files in progress. A
     * file is taken once it is complete: at once when it was moved in whole (a rename within the
     * file system, on Linux), or once it has been unchanged for {@link
     * StreamingConf#FILE_STABLE_TIME} (2 s by default) when it is written in place. Files are taken
     * oldest first, each once for as long as it stays in the directory; with {@code newFilesOnly},
     * those present at the first start are never taken. {@code filter} is called on the path of
     * each candidate file at every batch until the file is taken, on the runner's scheduler; an
     * exception from it stops the context.
     *
     * <p>Batches: a batch reads at most {@link StreamingConf#FILE_MAX_BATCH_BYTES} (64 MiB by
     * default) of files; the rest, including the remainder of a larger file, goes to the next
     * batches. Lines longer than 1 MiB, lines that are not valid UTF-8, files that cannot be read
     * or vanish before they are read are skipped, counted and logged; a file that changes after it
     * was taken is reported once, and its new content is not read.
     *
     * <p>Fault tolerance: the stream can read any of its batches again. With a checkpoint directory
     * it keeps a ledger of the files it took there, so that a restart neither repeats nor skips a
     * file, and batches lost in a crash are recomputed with the same lines: exactly once for
     * complete files that do not change after they were taken. docs/file-streams.md describes the
     * rules and the ledger's format.
     *
     * @param directory the directory to watch; it must exist when the context starts
     * @param filter which files to take, given each file's path
     * @param newFilesOnly whether to leave out the files present at the first start
     * @throws IllegalArgumentException when {@code directory} is not a valid path
     */
    public DStream<String> fileStream(
            String directory, Function<Path, Boolean> filter, boolean newFilesOnly) {
        return input(
                "fileStream",
                new InputSpec.SourceInput(new FileSource(directory, filter, newFilesOnly)));
    }

    /**
     * A stream whose batches are collections taken from {@code queue}, one per batch; an empty
     * queue gives an empty batch. Unlike Spark's Java API, the queue is read live, so collections
     * added after the stream was created are seen. Use a thread-safe queue when other threads add
     * to it.
     */
    public <T> DStream<T> queueStream(Queue<? extends Collection<T>> queue) {
        return queueStream(queue, true);
    }

    /**
     * A stream of collections taken from {@code queue}: one per batch when {@code oneAtATime},
     * otherwise everything queued at each batch time.
     */
    public <T> DStream<T> queueStream(Queue<? extends Collection<T>> queue, boolean oneAtATime) {
        Objects.requireNonNull(queue, "queue");
        return input("queueStream", new InputSpec.QueueInput(queue, oneAtATime));
    }

    /**
     * A stream of the records that {@code receiver} stores. The receiver runs on a thread of its
     * own, never on a worker thread.
     */
    public <T> DStream<T> receiverStream(Receiver<T> receiver) {
        Objects.requireNonNull(receiver, "receiver");
        return input("receiverStream", new InputSpec.ReceiverInput(receiver));
    }

    /**
     * A stream of the records of {@code source}, a connector with offsets (files, Kafka, a
     * Jetstream cursor): each batch holds the records of the offset range its cut covered; after a
     * restart from a checkpoint the source goes on after the last checkpointed offset, as its
     * {@link Source#replay()} allows.
     */
    public <T> DStream<T> sourceStream(Source<T> source) {
        Objects.requireNonNull(source, "source");
        return input("sourceStream", new InputSpec.SourceInput(source));
    }

    /**
     * The union of {@code streams}: each batch holds the elements of every stream's batch for the
     * same time. At least one stream; all from this context with the same slide.
     */
    @SafeVarargs
    public final <T> DStream<T> union(DStream<T>... streams) {
        List<DStream<T>> list = new ArrayList<>(streams.length);
        for (DStream<T> s : streams) {
            list.add(s);
        }
        return union(list);
    }

    /** The union of a list of streams; see {@link #union(DStream[])}. */
    public <T> DStream<T> union(List<? extends DStream<T>> streams) {
        if (streams.isEmpty()) {
            throw new InvalidPipelineException(
                    "union of context '" + appName + "' needs at least one stream, got none");
        }
        List<dev.ember.spi.plan.PlanNode> parents = new ArrayList<>();
        DStream<T> first = streams.get(0);
        for (DStream<T> s : streams) {
            first.requireCompatible(s, "union");
            parents.add(s.node);
        }
        return new DStream<>(this, graph.add("union", info -> new UnionNode(info, parents)));
    }

    /**
     * The union of pair streams, as a pair stream: Spark's {@code union(JavaPairDStream...)}. Same
     * rules as {@link #union(DStream[])}.
     */
    @SafeVarargs
    public final <K, V> PairDStream<K, V> union(PairDStream<K, V>... streams) {
        List<DStream<Tuple2<K, V>>> list = new ArrayList<>(streams.length);
        for (PairDStream<K, V> s : streams) {
            list.add(s);
        }
        return new PairDStream<>(this, union(list).node);
    }

    /**
     * A stream whose batch at each time is what {@code transformFn} makes of the batches of {@code
     * streams} for that time, as Spark's multi-stream {@code transform}: the function receives the
     * batches in the order of {@code streams} and the batch time, and runs on the job thread (the
     * driver), where it may call actions. Pair streams can be passed as they are.
     *
     * <p>At least one stream; all from this context with the same slide, which the result shares.
     * The function must not return null (return an empty batch, such as {@code batch.filter(x ->
     * false)}); if it throws or returns null, the context stops with a {@link
     * UserFunctionException} naming this operator and the batch time.
     *
     * @throws InvalidPipelineException when {@code streams} is empty, mixes contexts or slides
     */
    public <T> DStream<T> transform(
            List<? extends DStream<?>> streams,
            Function2<List<Batch<?>>, Time, Batch<T>> transformFn) {
        return new DStream<>(this, transformNode("transform", streams, transformFn));
    }

    /**
     * {@link #transform(List, Function2)} for a function that returns pairs, as Spark's {@code
     * transformToPair}.
     */
    public <K, V> PairDStream<K, V> transformToPair(
            List<? extends DStream<?>> streams,
            Function2<List<Batch<?>>, Time, Batch<Tuple2<K, V>>> transformFn) {
        return new PairDStream<>(this, transformNode("transformToPair", streams, transformFn));
    }

    private TransformNode transformNode(
            String operator,
            List<? extends DStream<?>> streams,
            Function2<List<Batch<?>>, Time, ? extends Batch<?>> transformFn) {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(transformFn, "transformFn");
        if (streams.isEmpty()) {
            throw new InvalidPipelineException(
                    operator + " of context '" + appName + "' needs at least one stream, got none");
        }
        DStream<?> first = Objects.requireNonNull(streams.get(0), "streams.get(0)");
        if (first.context != this) {
            throw new InvalidPipelineException(
                    operator
                            + " of context '"
                            + appName
                            + "' got stream '"
                            + first.node.info().describe()
                            + "' of context '"
                            + first.context.appName
                            + "'; build every stream from one StreamingContext");
        }
        List<PlanNode> parents = new ArrayList<>(streams.size());
        for (int i = 0; i < streams.size(); i++) {
            DStream<?> s = Objects.requireNonNull(streams.get(i), "streams.get(" + i + ")");
            first.requireCompatible(s, operator);
            parents.add(s.node);
        }
        Function2<List<Batch<Object>>, Time, Batch<Object>> fn =
                (batches, time) -> DStream.erase(transformFn.call(DStream.erase(batches), time));
        return graph.add(operator, info -> new TransformNode(info, List.copyOf(parents), fn));
    }

    /** The remembered batches of {@code node} in [fromTime, toTime]; see {@link DStream#slice}. */
    List<Batch<Object>> slice(PlanNode node, Time fromTime, Time toTime) {
        Execution e = execution;
        if (state != StreamingContextState.ACTIVE || e == null) {
            throw new IllegalStateException(
                    "Cannot slice stream '"
                            + node.info().describe()
                            + "' of context '"
                            + appName
                            + "' because it is "
                            + state
                            + ": slice reads the batches a running context has generated; call it"
                            + " between start() and stop()");
        }
        return e.slice(node, fromTime, toTime);
    }

    private <T> DStream<T> input(String operator, InputSpec spec) {
        return new DStream<>(
                this, graph.add(operator, info -> new InputNode(info, spec, batchDuration)));
    }

    GraphBuilder graph() {
        return graph;
    }

    void requireInitialized(String operation) {
        if (state != StreamingContextState.INITIALIZED) {
            throw new IllegalStateException(
                    "Cannot "
                            + operation
                            + " on context '"
                            + appName
                            + "' because it is "
                            + state
                            + ": define every input, transformation and output before start()");
        }
    }

    /**
     * Validates the graph and starts running it.
     *
     * @throws InvalidPipelineException when no output operation is registered
     * @throws IllegalStateException when this context is not {@code INITIALIZED}, or another
     *     context is active in this JVM
     * @throws StreamingException when no runner supports the master
     */
    public void start() {
        synchronized (lock) {
            if (state == StreamingContextState.ACTIVE) {
                throw new IllegalStateException(
                        "context '" + appName + "' has already been started");
            }
            if (state == StreamingContextState.STOPPED) {
                throw new IllegalStateException(
                        "context '"
                                + appName
                                + "' has been stopped and cannot be started again: create a"
                                + " new StreamingContext");
            }
            if (!graph.hasOutputs()) {
                throw new InvalidPipelineException(
                        "No output operations registered, so nothing to execute: add an output"
                                + " such as print() or foreachRDD(...) to a stream of context '"
                                + appName
                                + "' before start()");
            }
            requireCheckpointForState();
            Runner runner = findRunner();
            if (!ACTIVE.compareAndSet(null, this)) {
                throw new IllegalStateException(
                        "Only one StreamingContext may be active in a JVM, and context '"
                                + ACTIVE.get().appName
                                + "' is active: stop it before starting '"
                                + appName
                                + "'");
            }
            try {
                state = StreamingContextState.ACTIVE;
                execution =
                        runner.start(
                                graph.snapshot(appName, batchDuration, checkpointDirectory),
                                new RunSettings(
                                        master,
                                        clock,
                                        out,
                                        this::terminated,
                                        listeners,
                                        stateSerializer,
                                        restoreFrom,
                                        conf.asMap()));
            } catch (RuntimeException | Error e) {
                terminated(e);
                throw e;
            }
        }
    }

    private void requireCheckpointForState() {
        if (checkpointDirectory != null) {
            return;
        }
        for (PlanNode node : graph.nodes()) {
            String reason =
                    node instanceof StatefulNode
                            ? " keeps state from batch to batch"
                            : graph.hasCheckpointInterval(node)
                                    ? " is marked with checkpoint(interval)"
                                    : null;
            if (reason != null) {
                throw new InvalidPipelineException(
                        "The checkpoint directory has not been set: "
                                + node.info().describe()
                                + reason
                                + "; call ssc.checkpoint(directory)"
                                + " on context '"
                                + appName
                                + "' before start()");
            }
        }
    }

    private Runner findRunner() {
        List<String> found = new ArrayList<>();
        for (Runner runner : ServiceLoader.load(Runner.class)) {
            if (runner.supports(master)) {
                return runner;
            }
            found.add(runner.describe());
        }
        throw new StreamingException(
                "No runner supports master '"
                        + master
                        + "' of context '"
                        + appName
                        + "': "
                        + (found.isEmpty()
                                ? "there is no runner on the classpath"
                                : "the runners on the classpath are " + String.join(", ", found))
                        + "; add the runner for this master to the classpath, or use a master one"
                        + " of them takes");
    }

    private void terminated(Throwable failure) {
        state = StreamingContextState.STOPPED;
        ACTIVE.compareAndSet(this, null);
    }

    /** Stops at once, dropping data received but not yet processed. Same as {@code stop(false)}. */
    public void stop() {
        stop(false);
    }

    /**
     * Stops the context. With {@code stopGracefully}, inputs stop first and the batches holding
     * data already received run before this returns. A stopped context cannot be restarted.
     * Stopping a context that never started just marks it stopped.
     */
    public void stop(boolean stopGracefully) {
        Execution e;
        synchronized (lock) {
            e = execution;
            if (e == null) {
                state = StreamingContextState.STOPPED;
                return;
            }
        }
        e.stop(stopGracefully);
        terminated(null);
    }

    /**
     * Spark's form: the first argument (stop the SparkContext) has no meaning in this JVM and is
     * ignored by the local runner.
     */
    public void stop(boolean stopSparkContext, boolean stopGracefully) {
        stop(stopGracefully);
    }

    /** Stops the context at once; for try-with-resources. */
    @Override
    public void close() {
        stop(false);
    }

    /**
     * Waits until the context stops.
     *
     * @throws StreamingException the failure that stopped it, such as a {@link
     *     UserFunctionException}
     */
    public void awaitTermination() throws InterruptedException {
        awaitTerminationOrTimeout(-1);
    }

    /**
     * Waits until the context stops or {@code timeout} milliseconds pass (negative: no limit).
     *
     * @return true when the context has stopped, false on timeout
     * @throws StreamingException the failure that stopped it
     */
    public boolean awaitTerminationOrTimeout(long timeout) throws InterruptedException {
        Execution e = execution;
        if (e == null) {
            if (state == StreamingContextState.STOPPED) {
                return true;
            }
            throw new IllegalStateException(
                    "context '" + appName + "' has not been started: call start() first");
        }
        return e.awaitTermination(timeout);
    }
}
