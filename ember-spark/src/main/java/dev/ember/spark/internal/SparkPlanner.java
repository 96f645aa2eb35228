package dev.ember.spark.internal;

import dev.ember.spi.SourceReader;
import dev.ember.spi.plan.CogroupNode;
import dev.ember.spi.plan.CombineByKeyNode;
import dev.ember.spi.plan.CountNode;
import dev.ember.spi.plan.FilterNode;
import dev.ember.spi.plan.FlatMapNode;
import dev.ember.spi.plan.FlatMapToPairNode;
import dev.ember.spi.plan.FlatMapValuesNode;
import dev.ember.spi.plan.GroupByKeyNode;
import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.InputSpec;
import dev.ember.spi.plan.MapNode;
import dev.ember.spi.plan.MapPartitionsNode;
import dev.ember.spi.plan.MapToPairNode;
import dev.ember.spi.plan.MapValuesNode;
import dev.ember.spi.plan.MapWithStateNode;
import dev.ember.spi.plan.OutputAction;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.PlanVisitor;
import dev.ember.spi.plan.ReduceByKeyNode;
import dev.ember.spi.plan.ReduceNode;
import dev.ember.spi.plan.ReducedWindowNode;
import dev.ember.spi.plan.RepartitionNode;
import dev.ember.spi.plan.StateSnapshotsNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.spi.plan.TransformNode;
import dev.ember.spi.plan.UnionNode;
import dev.ember.spi.plan.UpdateStateByKeyNode;
import dev.ember.spi.plan.WindowNode;
import dev.ember.streaming.Batch;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.DStream;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Translates a plan, node by node, into Spark Streaming operations on one {@link
 * JavaStreamingContext}: the one place that asks what a node is on the Spark runner.
 *
 * <p>Every node becomes a {@code JavaDStream} of Ember's elements (Ember's {@code Tuple2} for
 * pairs), so Ember's functions see on Spark what they see on the local runner; the key-based nodes
 * turn pairs into Scala's around Spark's operation, and groups into lists. A window reduced with an
 * inverse function reads the pairs before the per-batch {@code reduceByKey} that the API put in
 * front of it, since Spark's {@code reduceByKeyAndWindow} reduces each batch itself.
 *
 * <p>Inputs are created first, then the runner's own output over the tick and the driver inputs
 * (see {@link DriverInputs}), then every node in order of definition, so that the program's outputs
 * are Spark's outputs 1..n in declaration order.
 *
 * <p>Spark 4 marks the DStream API deprecated in favour of Structured Streaming; this runner
 * targets the DStream model that Ember implements, so the deprecation is expected here.
 */
@SuppressWarnings("deprecation")
final class SparkPlanner implements PlanVisitor<JavaDStream<Object>> {

    /** What the translated driver-side functions report to the execution. */
    interface Driver {
        /** True once a batch has failed: later outputs of that batch do not run. */
        boolean failed();

        /** Records the failure of {@code operator}'s function in the batch at {@code time}. */
        void fail(String operator, Time time, Throwable error);

        /** Where {@code print()} writes. */
        java.io.PrintStream out();

        /** A source input was cut for the batch at {@code batchTime} up to {@code offset}. */
        void sourceCut(DriverInputs.SourceStream input, long batchTime, String offset);

        /** Called at each batch time, when the batch's jobs are generated. */
        void tick(long batchTime);
    }

    private final JavaStreamingContext jssc;
    private final StreamGraph graph;
    private final Driver driver;
    private final Map<InputNode, SourceReader<?>> readers;
    private final boolean localMaster;
    private final Map<PlanNode, JavaDStream<Object>> streams = new IdentityHashMap<>();
    private final Map<MapWithStateNode, JavaMapWithStateDStream<Object, Object, Object, Object>>
            stateStreams = new IdentityHashMap<>();
    private final Map<Integer, Integer> inputIds = new LinkedHashMap<>();
    private final List<DriverInputs.SourceStream> sources = new ArrayList<>();

    SparkPlanner(
            JavaStreamingContext jssc,
            StreamGraph graph,
            Map<InputNode, SourceReader<?>> readers,
            boolean localMaster,
            Driver driver) {
        this.jssc = jssc;
        this.graph = graph;
        this.readers = readers;
        this.localMaster = localMaster;
        this.driver = driver;
    }

    /**
     * Spark's storage level for a receiver's blocks: the receiver's own, without the second copy on
     * a local master, whose one executor has no peer to hold it (Spark would warn for every block).
     */
    private StorageLevel receiverLevel(dev.ember.streaming.StorageLevel level) {
        String name = level.name();
        if (localMaster && name.endsWith("_2")) {
            name = name.substring(0, name.length() - 2);
        }
        return StorageLevel.fromString(name);
    }

    /** Translates the whole graph; afterwards {@link #stream} finds each node's stream. */
    void translate() {
        List<InputNode> inputs = graph.inputs();
        List<JavaDStream<Object>> driverInputs = new ArrayList<>();
        driverInputs.add(
                new JavaDStream<>(new DriverInputs.TickStream(jssc.ssc(), driver::tick), anyRef()));
        for (int i = 0; i < inputs.size(); i++) {
            InputNode input = inputs.get(i);
            JavaDStream<Object> stream = input(input);
            streams.put(input, stream);
            inputIds.put(((InputDStream<?>) stream.dstream()).id(), i);
            if (!(input.spec() instanceof InputSpec.SocketText)
                    && !(input.spec() instanceof InputSpec.ReceiverInput)) {
                driverInputs.add(stream);
            }
        }
        union(driverInputs).foreachRDD((rdd, time) -> {});
        for (PlanNode node : graph.nodes()) {
            JavaDStream<Object> stream = streams.get(node);
            if (stream == null) {
                stream = node.accept(this);
                streams.put(node, stream);
            }
            if (graph.persisted().contains(node.info().id())) {
                stream.cache();
            }
            dev.ember.streaming.Duration interval =
                    graph.checkpointIntervals().get(node.info().id());
            if (interval != null) {
                core(node).checkpoint(duration(interval));
            }
        }
        if (graph.rememberDuration() != null) {
            jssc.remember(duration(graph.rememberDuration()));
        }
    }

    /** The translation of {@code node}. */
    JavaDStream<Object> stream(PlanNode node) {
        return streams.get(node);
    }

    /** Spark's input stream ids, each with the Ember input's position among the inputs. */
    Map<Integer, Integer> inputIds() {
        return inputIds;
    }

    /** The source inputs, to tell them when their batches are processed. */
    List<DriverInputs.SourceStream> sources() {
        return sources;
    }

    /** The stream whose checkpoint interval a node's {@code checkpoint(interval)} sets. */
    private DStream<?> core(PlanNode node) {
        if (node instanceof MapWithStateNode m) {
            return stateStreams.get(m).dstream();
        }
        DStream<?> stream = streams.get(node).dstream();
        // Stateful nodes end with the map back to Ember's pairs: the state is its parent.
        if (node instanceof UpdateStateByKeyNode || node instanceof ReducedWindowNode) {
            return stream.dependencies().head();
        }
        return stream;
    }

    private JavaDStream<Object> input(InputNode node) {
        return node.spec()
                .accept(
                        new InputSpec.Visitor<JavaDStream<Object>>() {
                            @Override
                            public JavaDStream<Object> visit(InputSpec.SocketText socket) {
                                return erase(jssc.socketTextStream(socket.host(), socket.port()));
                            }

                            @Override
                            public JavaDStream<Object> visit(InputSpec.QueueInput queue) {
                                return new JavaDStream<>(
                                        new DriverInputs.QueueStream(
                                                jssc.ssc(), queue.queue(), queue.oneAtATime()),
                                        anyRef());
                            }

                            @Override
                            public JavaDStream<Object> visit(InputSpec.ReceiverInput receiver) {
                                return erase(
                                        jssc.receiverStream(
                                                new ReceiverBridge(
                                                        receiver.receiver(),
                                                        receiverLevel(
                                                                receiver.receiver()
                                                                        .storageLevel()))));
                            }

                            @Override
                            public JavaDStream<Object> visit(InputSpec.SourceInput source) {
                                DriverInputs.SourceStream[] self = new DriverInputs.SourceStream[1];
                                self[0] =
                                        new DriverInputs.SourceStream(
                                                jssc.ssc(),
                                                readers.get(node),
                                                (time, offset) ->
                                                        driver.sourceCut(self[0], time, offset));
                                sources.add(self[0]);
                                return new JavaDStream<>(self[0], anyRef());
                            }
                        });
    }

    @Override
    public JavaDStream<Object> visit(InputNode node) {
        return streams.get(node);
    }

    @Override
    public JavaDStream<Object> visit(MapNode node) {
        return parent(node).map(Fns.map(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(FlatMapNode node) {
        return parent(node).flatMap(Fns.flatMap(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(FilterNode node) {
        return parent(node).filter(Fns.filter(op(node), node.predicate()));
    }

    @Override
    public JavaDStream<Object> visit(MapToPairNode node) {
        return parent(node).map(Fns.mapToPair(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(FlatMapToPairNode node) {
        return parent(node).flatMap(Fns.flatMapToPair(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(MapValuesNode node) {
        return parent(node).map(Fns.mapValues(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(FlatMapValuesNode node) {
        return parent(node).flatMap(Fns.flatMapValues(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(MapPartitionsNode node) {
        return parent(node).mapPartitions(Fns.mapPartitions(op(node), node.fn()));
    }

    @Override
    public JavaDStream<Object> visit(RepartitionNode node) {
        return parent(node).repartition(node.numPartitions());
    }

    @Override
    public JavaDStream<Object> visit(ReduceByKeyNode node) {
        return pairs(node.parent(), node)
                .reduceByKey(
                        Fns.reduce(op(node), node.reduceFn()), partitioner(node.numPartitions()))
                .map(Fns.toEmber());
    }

    @Override
    public JavaDStream<Object> visit(GroupByKeyNode node) {
        return pairs(node.parent(), node)
                .groupByKey(partitioner(node.numPartitions()))
                .map(Fns.groups());
    }

    @Override
    public JavaDStream<Object> visit(CombineByKeyNode node) {
        String op = op(node);
        return pairs(node.parent(), node)
                .combineByKey(
                        Fns.map(op, node.createCombiner()),
                        Fns.reduce(op, node.mergeValue()),
                        Fns.reduce(op, node.mergeCombiners()),
                        partitioner(node.numPartitions()),
                        node.mapSideCombine())
                .map(Fns.toEmber());
    }

    @Override
    public JavaDStream<Object> visit(ReduceNode node) {
        return parent(node).reduce(Fns.reduce(op(node), node.reduceFn()));
    }

    @Override
    public JavaDStream<Object> visit(CountNode node) {
        return erase(parent(node).count());
    }

    @Override
    public JavaDStream<Object> visit(UpdateStateByKeyNode node) {
        JavaPairDStream<Object, Object> pairs = pairs(node.parent(), node);
        Partitioner partitioner = partitioner(node.numPartitions());
        var update = StateFns.update(op(node), node.updateFn());
        JavaPairDStream<Object, Object> state =
                node.initialState().isEmpty()
                        ? pairs.updateStateByKey(update, partitioner)
                        : pairs.updateStateByKey(
                                update, partitioner, initialState(node.initialState()));
        return state.map(Fns.toEmber());
    }

    @Override
    public JavaDStream<Object> visit(MapWithStateNode node) {
        StateSpec<Object, Object, Object, Object> spec =
                StateSpec.function(
                        StateFns.mapping(op(node), node.mappingFn(), node.optionalResult()));
        if (!node.initialState().isEmpty()) {
            spec = spec.initialState(initialState(node.initialState()));
        }
        if (node.numPartitions() > 0) {
            spec = spec.numPartitions(node.numPartitions());
        }
        if (node.timeout() != null) {
            spec = spec.timeout(duration(node.timeout()));
        }
        JavaMapWithStateDStream<Object, Object, Object, Object> mapped =
                pairs(node.parent(), node).mapWithState(spec);
        stateStreams.put(node, mapped);
        return mapped;
    }

    @Override
    public JavaDStream<Object> visit(StateSnapshotsNode node) {
        return stateStreams.get(node.parent()).stateSnapshots().map(Fns.toEmber());
    }

    @Override
    public JavaDStream<Object> visit(UnionNode node) {
        List<JavaDStream<Object>> parents = new ArrayList<>();
        for (PlanNode p : node.parents()) {
            parents.add(streams.get(p));
        }
        return union(parents);
    }

    @Override
    public JavaDStream<Object> visit(TransformNode node) {
        String op = op(node);
        TransformFn fn = new TransformFn(op, node.transformFn(), driver);
        if (node.parents().size() == 1) {
            return streams.get(node.parents().get(0))
                    .transform((rdd, time) -> fn.call(List.of(rdd), time));
        }
        List<DStream<?>> parents = new ArrayList<>();
        for (PlanNode p : node.parents()) {
            parents.add(streams.get(p).dstream());
        }
        return new JavaDStream<>(new MultiTransformStream(parents, fn::call), anyRef());
    }

    @Override
    public JavaDStream<Object> visit(CogroupNode node) {
        return pairs(node.left(), node)
                .cogroup(pairs(node.right(), node), partitioner(node.numPartitions()))
                .map(Fns.cogroups());
    }

    @Override
    public JavaDStream<Object> visit(WindowNode node) {
        return parent(node).window(duration(node.windowDuration()), duration(node.slideDuration()));
    }

    @Override
    public JavaDStream<Object> visit(ReducedWindowNode node) {
        String op = op(node);
        PlanNode source = node.parent();
        // The API reduces each batch before the window; Spark's reduceByKeyAndWindow does that
        // itself, so it reads the pairs before that reduce when the reduce is the same one.
        if (source instanceof ReduceByKeyNode reduced
                && reduced.reduceFn() == node.reduceFn()
                && reduced.numPartitions() == node.numPartitions()) {
            source = reduced.parent();
        }
        return pairs(source, node)
                .reduceByKeyAndWindow(
                        Fns.reduce(op, node.reduceFn()),
                        Fns.reduce(op, node.invReduceFn()),
                        duration(node.windowDuration()),
                        duration(node.slideDuration()),
                        partitioner(node.numPartitions()),
                        Fns.pairFilter(op, node.filterFn()))
                .map(Fns.toEmber());
    }

    @Override
    public JavaDStream<Object> visit(OutputNode node) {
        String op = op(node);
        VoidFunction2<JavaRDD<Object>, Time> action =
                node.action()
                        .accept(
                                new OutputAction.Visitor<VoidFunction2<JavaRDD<Object>, Time>>() {
                                    @Override
                                    public VoidFunction2<JavaRDD<Object>, Time> visit(
                                            OutputAction.Print print) {
                                        return (rdd, time) ->
                                                Printing.print(
                                                        driver.out(),
                                                        rdd.take(print.num() + 1),
                                                        print.num(),
                                                        time.milliseconds());
                                    }

                                    @Override
                                    public VoidFunction2<JavaRDD<Object>, Time> visit(
                                            OutputAction.Foreach foreach) {
                                        return (rdd, time) ->
                                                foreach.fn()
                                                        .call(
                                                                new SparkBatch<>(rdd),
                                                                new dev.ember.streaming.Time(
                                                                        time.milliseconds()));
                                    }
                                });
        JavaDStream<Object> parent = parent(node);
        parent.foreachRDD(
                (rdd, time) -> {
                    if (driver.failed()) {
                        return;
                    }
                    try {
                        action.call(rdd, time);
                    } catch (Exception | Error e) {
                        driver.fail(op, time, e);
                        throw e;
                    }
                });
        return parent;
    }

    /** A transform's function on the driver, with Spark's RDDs seen as Ember's batches. */
    private record TransformFn(
            String op,
            dev.ember.streaming.function.Function2<
                            List<Batch<Object>>, dev.ember.streaming.Time, Batch<Object>>
                    fn,
            Driver driver) {
        JavaRDD<Object> call(List<? extends JavaRDD<?>> rdds, Time time) {
            List<Batch<Object>> batches = new ArrayList<>(rdds.size());
            for (JavaRDD<?> rdd : rdds) {
                batches.add(new SparkBatch<>(erase(rdd)));
            }
            try {
                Batch<Object> result =
                        fn.call(batches, new dev.ember.streaming.Time(time.milliseconds()));
                if (result == null) {
                    throw new NullPointerException(
                            "the transform function returned null; return an empty batch"
                                    + " (batch.filter(x -> false)) instead");
                }
                return SparkBatch.rddOf(result, op);
            } catch (RuntimeException | Error e) {
                driver.fail(op, time, e);
                throw e;
            } catch (Exception e) {
                driver.fail(op, time, e);
                throw OperatorFailure.of(op, e);
            }
        }
    }

    private JavaDStream<Object> parent(PlanNode node) {
        return streams.get(node.parents().get(0));
    }

    private JavaPairDStream<Object, Object> pairs(PlanNode parent, PlanNode node) {
        return streams.get(parent).mapToPair(Fns.toScala(op(node)));
    }

    private JavaPairRDD<Object, Object> initialState(List<Tuple2<Object, Object>> pairs) {
        // A key listed twice keeps its last state, as on the local runner.
        Map<Object, Object> last = new LinkedHashMap<>();
        for (Tuple2<Object, Object> pair : pairs) {
            last.put(pair._1(), pair._2());
        }
        List<scala.Tuple2<Object, Object>> scala = new ArrayList<>(last.size());
        last.forEach((k, v) -> scala.add(new scala.Tuple2<>(k, v)));
        return sc().parallelizePairs(scala);
    }

    private Partitioner partitioner(int numPartitions) {
        return new HashPartitioner(numPartitions > 0 ? numPartitions : sc().defaultParallelism());
    }

    private JavaSparkContext sc() {
        return jssc.sparkContext();
    }

    private JavaDStream<Object> union(List<JavaDStream<Object>> parents) {
        if (parents.size() == 1) {
            return parents.get(0);
        }
        return jssc.union(CollectionConverters.asScala(parents).toList());
    }

    private static String op(PlanNode node) {
        return node.info().describe();
    }

    static Duration duration(dev.ember.streaming.Duration d) {
        return new Duration(d.milliseconds());
    }

    private static scala.reflect.ClassTag<Object> anyRef() {
        return scala.reflect.ClassTag$.MODULE$.AnyRef();
    }

    @SuppressWarnings("unchecked")
    private static <X> X erase(Object o) {
        return (X) o;
    }
}
