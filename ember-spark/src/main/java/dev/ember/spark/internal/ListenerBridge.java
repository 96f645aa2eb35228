package dev.ember.spark.internal;

import dev.ember.spi.plan.InputNode;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.Time;
import dev.ember.streaming.scheduler.BatchInfo;
import dev.ember.streaming.scheduler.OutputOperationInfo;
import dev.ember.streaming.scheduler.ReceiverInfo;
import dev.ember.streaming.scheduler.StreamInputInfo;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerBatchCompleted;
import dev.ember.streaming.scheduler.StreamingListenerBatchStarted;
import dev.ember.streaming.scheduler.StreamingListenerBatchSubmitted;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationCompleted;
import dev.ember.streaming.scheduler.StreamingListenerOutputOperationStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverError;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStarted;
import dev.ember.streaming.scheduler.StreamingListenerReceiverStopped;
import dev.ember.streaming.scheduler.StreamingListenerStreamingStarted;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark's streaming listener events as Ember's: inputs and outputs renumbered to the program's own
 * (Spark counts the runner's tick input and its output among its streams), names and descriptions
 * from the plan, Spark's optional times as {@code -1}. Events arrive on Spark's listener bus
 * thread, in order, and are delivered there to the listeners the program holds at that moment; a
 * listener that throws is logged and keeps receiving events.
 *
 * <p>Also tells the execution when a batch has completed, which is what a stepped clock waits for.
 */
final class ListenerBridge implements org.apache.spark.streaming.scheduler.StreamingListener {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBridge.class);

    private final StreamGraph graph;
    private final List<StreamingListener> listeners;
    private final Map<Integer, Integer> inputIds;
    private final LongConsumer batchCompleted;
    private final Map<Integer, AtomicLong> received = new ConcurrentHashMap<>();

    /**
     * @param inputIds Spark's input stream ids, each with the Ember input's position
     * @param batchCompleted told each completed batch time, after the listeners
     */
    ListenerBridge(
            StreamGraph graph,
            List<StreamingListener> listeners,
            Map<Integer, Integer> inputIds,
            LongConsumer batchCompleted) {
        this.graph = graph;
        this.listeners = listeners;
        this.inputIds = Map.copyOf(inputIds);
        this.batchCompleted = batchCompleted;
    }

    @Override
    public void onStreamingStarted(
            org.apache.spark.streaming.scheduler.StreamingListenerStreamingStarted started) {
        deliver(l -> l.onStreamingStarted(new StreamingListenerStreamingStarted(started.time())));
    }

    @Override
    public void onReceiverStarted(
            org.apache.spark.streaming.scheduler.StreamingListenerReceiverStarted event) {
        ReceiverInfo info = receiver(event.receiverInfo());
        if (info != null) {
            deliver(l -> l.onReceiverStarted(new StreamingListenerReceiverStarted(info)));
        }
    }

    @Override
    public void onReceiverError(
            org.apache.spark.streaming.scheduler.StreamingListenerReceiverError event) {
        ReceiverInfo info = receiver(event.receiverInfo());
        if (info != null) {
            deliver(l -> l.onReceiverError(new StreamingListenerReceiverError(info)));
        }
    }

    @Override
    public void onReceiverStopped(
            org.apache.spark.streaming.scheduler.StreamingListenerReceiverStopped event) {
        ReceiverInfo info = receiver(event.receiverInfo());
        if (info != null) {
            deliver(l -> l.onReceiverStopped(new StreamingListenerReceiverStopped(info)));
        }
    }

    @Override
    public void onBatchSubmitted(
            org.apache.spark.streaming.scheduler.StreamingListenerBatchSubmitted event) {
        BatchInfo info = batch(event.batchInfo());
        deliver(l -> l.onBatchSubmitted(new StreamingListenerBatchSubmitted(info)));
    }

    @Override
    public void onBatchStarted(
            org.apache.spark.streaming.scheduler.StreamingListenerBatchStarted event) {
        BatchInfo info = batch(event.batchInfo());
        deliver(l -> l.onBatchStarted(new StreamingListenerBatchStarted(info)));
    }

    @Override
    public void onBatchCompleted(
            org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted event) {
        BatchInfo info = batch(event.batchInfo());
        for (StreamInputInfo input : info.streamIdToInputInfo().values()) {
            received.computeIfAbsent(input.inputStreamId(), id -> new AtomicLong())
                    .addAndGet(input.numRecords());
        }
        deliver(l -> l.onBatchCompleted(new StreamingListenerBatchCompleted(info)));
        batchCompleted.accept(info.batchTime().milliseconds());
    }

    @Override
    public void onOutputOperationStarted(
            org.apache.spark.streaming.scheduler.StreamingListenerOutputOperationStarted event) {
        OutputOperationInfo info = output(event.outputOperationInfo());
        if (info != null) {
            deliver(
                    l ->
                            l.onOutputOperationStarted(
                                    new StreamingListenerOutputOperationStarted(info)));
        }
    }

    @Override
    public void onOutputOperationCompleted(
            org.apache.spark.streaming.scheduler.StreamingListenerOutputOperationCompleted event) {
        OutputOperationInfo info = output(event.outputOperationInfo());
        if (info != null) {
            deliver(
                    l ->
                            l.onOutputOperationCompleted(
                                    new StreamingListenerOutputOperationCompleted(info)));
        }
    }

    private void deliver(Consumer<StreamingListener> event) {
        for (StreamingListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Streaming listener {} of '{}' threw {}; it keeps receiving events",
                        listener.getClass().getName(),
                        graph.appName(),
                        e.toString());
            }
        }
    }

    private BatchInfo batch(org.apache.spark.streaming.scheduler.BatchInfo spark) {
        List<InputNode> nodes = graph.inputs();
        Map<Integer, StreamInputInfo> inputs = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            inputs.put(i, new StreamInputInfo(i, graph.name(nodes.get(i)), 0, null, null));
        }
        for (Map.Entry<Object, org.apache.spark.streaming.scheduler.StreamInputInfo> e :
                CollectionConverters.asJava(spark.streamIdToInputInfo()).entrySet()) {
            Integer id = inputIds.get((Integer) e.getKey());
            if (id == null) {
                continue;
            }
            org.apache.spark.streaming.scheduler.StreamInputInfo in = e.getValue();
            Map<String, Object> metadata = CollectionConverters.asJava(in.metadata());
            Object from = metadata.get(DriverInputs.FROM);
            Object to = metadata.get(DriverInputs.TO);
            inputs.put(
                    id,
                    new StreamInputInfo(
                            id,
                            graph.name(nodes.get(id)),
                            in.numRecords(),
                            from == null || "".equals(from) ? null : from.toString(),
                            to == null ? null : to.toString()));
        }
        Map<Integer, OutputOperationInfo> outputs = new HashMap<>();
        for (org.apache.spark.streaming.scheduler.OutputOperationInfo o :
                CollectionConverters.asJava(spark.outputOperationInfos()).values()) {
            OutputOperationInfo info = output(o);
            if (info != null) {
                outputs.put(info.id(), info);
            }
        }
        return new BatchInfo(
                new Time(spark.batchTime().milliseconds()),
                inputs,
                spark.submissionTime(),
                millis(spark.processingStartTime()),
                millis(spark.processingEndTime()),
                outputs,
                Map.of());
    }

    /** The program's output for Spark's output {@code id}; Spark's output 0 is the runner's. */
    private OutputOperationInfo output(org.apache.spark.streaming.scheduler.OutputOperationInfo o) {
        int id = o.id() - 1;
        List<OutputNode> outputs = graph.outputs();
        if (id < 0 || id >= outputs.size()) {
            return null;
        }
        OutputNode node = outputs.get(id);
        return new OutputOperationInfo(
                new Time(o.batchTime().milliseconds()),
                id,
                graph.name(node),
                node.info().describe(),
                millis(o.startTime()),
                millis(o.endTime()),
                o.failureReason().isDefined() ? o.failureReason().get() : null);
    }

    private ReceiverInfo receiver(org.apache.spark.streaming.scheduler.ReceiverInfo spark) {
        Integer id = inputIds.get(spark.streamId());
        if (id == null) {
            return null;
        }
        AtomicLong total = received.get(id);
        return new ReceiverInfo(
                id,
                graph.name(graph.inputs().get(id)),
                spark.active(),
                blankToNull(spark.lastErrorMessage()),
                blankToNull(spark.lastError()),
                spark.lastErrorTime(),
                total == null ? 0 : total.get(),
                0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static long millis(Option<Object> time) {
        return time.isDefined() ? (Long) time.get() : -1;
    }
}
