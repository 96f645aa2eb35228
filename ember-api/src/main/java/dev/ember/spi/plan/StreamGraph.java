package dev.ember.spi.plan;

import dev.ember.streaming.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The complete, immutable logical plan of one context, as handed to a runner at {@code start()}.
 *
 * @param appName the application's name
 * @param batchDuration the batch interval
 * @param nodes every node in order of definition (parents before children)
 * @param outputs the output operations, in the order they were declared
 * @param persisted ids of the nodes marked with {@code cache()} or {@code persist()}
 * @param checkpointDirectory the checkpoint directory, or {@code null} when none was set
 * @param rememberDuration how long every node keeps its batches at least ({@code
 *     StreamingContext.remember}), or {@code null} when not set: then a node keeps a batch only
 *     while an operator of the graph may still read it
 * @param checkpointIntervals ids of the nodes marked with {@code checkpoint(interval)}, with their
 *     interval; see {@link #checkpointInterval(PlanNode)} for the effective ones
 * @param names the stable name of every node, by id (see {@link StableNames})
 */
public record StreamGraph(
        String appName,
        Duration batchDuration,
        List<PlanNode> nodes,
        List<OutputNode> outputs,
        Set<Integer> persisted,
        String checkpointDirectory,
        Duration rememberDuration,
        Map<Integer, Duration> checkpointIntervals,
        Map<Integer, String> names) {

    /** Copies the lists so the graph cannot change afterwards. */
    public StreamGraph {
        nodes = List.copyOf(nodes);
        outputs = List.copyOf(outputs);
        persisted = Set.copyOf(persisted);
        checkpointIntervals = Map.copyOf(checkpointIntervals);
        names = Map.copyOf(names);
    }

    /** A graph whose nodes all have derived names (none named explicitly). */
    public StreamGraph(
            String appName,
            Duration batchDuration,
            List<PlanNode> nodes,
            List<OutputNode> outputs,
            Set<Integer> persisted,
            String checkpointDirectory,
            Duration rememberDuration,
            Map<Integer, Duration> checkpointIntervals) {
        this(
                appName,
                batchDuration,
                nodes,
                outputs,
                persisted,
                checkpointDirectory,
                rememberDuration,
                checkpointIntervals,
                StableNames.of(nodes, Map.of()));
    }

    /**
     * The node named {@code name}.
     *
     * @throws IllegalArgumentException when no node has that name
     */
    public PlanNode node(String name) {
        for (PlanNode node : nodes) {
            if (name.equals(name(node))) {
                return node;
            }
        }
        throw new IllegalArgumentException(
                "graph '" + appName + "' has no stream named '" + name + "'");
    }

    /** The stable name of {@code node}: the key of its state, offsets and metrics. */
    public String name(PlanNode node) {
        return names.get(node.info().id());
    }

    /**
     * How often the runner checkpoints {@code node}'s state or batches: the interval set with
     * {@code checkpoint(interval)}, else the default of a stateful node (see {@link
     * #defaultCheckpointInterval(PlanNode)}), else empty (not checkpointed).
     */
    public Optional<Duration> checkpointInterval(PlanNode node) {
        Duration set = checkpointIntervals.get(node.info().id());
        return set != null ? Optional.of(set) : defaultCheckpointInterval(node);
    }

    /**
     * The checkpoint interval of a stateful node that sets none (see {@link
     * StatefulNode#defaultCheckpointInterval()}); empty for other nodes.
     */
    public static Optional<Duration> defaultCheckpointInterval(PlanNode node) {
        return node instanceof StatefulNode stateful
                ? Optional.of(stateful.defaultCheckpointInterval())
                : Optional.empty();
    }

    /** The input nodes, in order of definition. */
    public List<InputNode> inputs() {
        List<InputNode> inputs = new ArrayList<>();
        for (PlanNode node : nodes) {
            if (node instanceof InputNode input) {
                inputs.add(input);
            }
        }
        return inputs;
    }

    /** For each node, how many nodes read it (outputs included). */
    public Map<PlanNode, Integer> consumerCounts() {
        Map<PlanNode, Integer> counts = new IdentityHashMap<>();
        for (PlanNode node : nodes) {
            for (PlanNode parent : node.parents()) {
                counts.merge(parent, 1, Integer::sum);
            }
        }
        return counts;
    }
}
