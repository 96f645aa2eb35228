package dev.ember.streaming;

import dev.ember.spi.plan.OpInfo;
import dev.ember.spi.plan.OutputNode;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StableNames;
import dev.ember.spi.plan.StreamGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The mutable recording of one context's graph. Only the defining thread writes while the context
 * is {@code INITIALIZED}; {@link #snapshot} freezes it at start.
 */
final class GraphBuilder {
    private static final String API_PACKAGE = "dev.ember.streaming.";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final StreamingContext context;
    private final List<PlanNode> nodes = new ArrayList<>();
    private final List<OutputNode> outputs = new ArrayList<>();
    private final Set<Integer> persisted = new HashSet<>();
    private Duration rememberDuration;
    private final Map<Integer, Duration> checkpointIntervals = new HashMap<>();
    private final Map<Integer, String> explicitNames = new HashMap<>();
    private final Map<String, NamedAt> named = new HashMap<>();

    /** Where a name was given, for the message about a name given twice. */
    private record NamedAt(PlanNode node, String callSite) {}

    GraphBuilder(StreamingContext context) {
        this.context = context;
    }

    /** Records a node built by {@code factory} from a fresh identity for {@code operator}. */
    <N extends PlanNode> N add(String operator, Function<OpInfo, N> factory) {
        context.requireInitialized(operator);
        N node = factory.apply(new OpInfo(nodes.size() + 1, operator, callSite()));
        nodes.add(node);
        if (node instanceof OutputNode output) {
            outputs.add(output);
        }
        return node;
    }

    /** Gives {@code node} an explicit stable name, unique among the explicit names. */
    void name(PlanNode node, String name) {
        context.requireInitialized("name");
        String site = callSite();
        String current = explicitNames.get(node.info().id());
        if (current != null) {
            throw new IllegalStateException(
                    "stream '"
                            + node.info().describe()
                            + "' is already named '"
                            + current
                            + "' (at "
                            + named.get(current).callSite()
                            + ") and cannot be named again '"
                            + name
                            + "' at "
                            + site
                            + "; name a stream once");
        }
        NamedAt earlier = named.get(name);
        if (earlier != null) {
            throw new InvalidPipelineException(
                    "stream name '"
                            + name
                            + "' given at "
                            + site
                            + " to "
                            + node.info().describe()
                            + " is already the name of "
                            + earlier.node().info().describe()
                            + " (named at "
                            + earlier.callSite()
                            + "); give each stream its own name");
        }
        explicitNames.put(node.info().id(), name);
        named.put(name, new NamedAt(node, site));
    }

    /** The stable name {@code node} has now; see {@link StableNames}. */
    String nameOf(PlanNode node) {
        return StableNames.of(nodes, explicitNames).get(node.info().id());
    }

    void persist(PlanNode node) {
        context.requireInitialized("persist");
        persisted.add(node.info().id());
    }

    void checkpoint(PlanNode node, Duration interval) {
        context.requireInitialized("checkpoint");
        checkpointIntervals.put(node.info().id(), interval);
    }

    /** The interval set with checkpoint(interval), else the node's default; see StreamGraph. */
    Optional<Duration> checkpointInterval(PlanNode node) {
        Duration set = checkpointIntervals.get(node.info().id());
        return set != null ? Optional.of(set) : StreamGraph.defaultCheckpointInterval(node);
    }

    /** True when checkpoint(interval) was called on the node. */
    boolean hasCheckpointInterval(PlanNode node) {
        return checkpointIntervals.containsKey(node.info().id());
    }

    /** Sets how long every node keeps its batches; once, as Spark's DStreamGraph.remember. */
    void remember(Duration duration) {
        context.requireInitialized("remember");
        if (rememberDuration != null) {
            throw new IllegalStateException(
                    "Remember duration of context '"
                            + context.appName()
                            + "' is already set to "
                            + rememberDuration.pretty()
                            + " and cannot be set again to "
                            + duration.pretty()
                            + "; call remember(...) once, with the longest duration you need");
        }
        rememberDuration = duration;
    }

    List<PlanNode> nodes() {
        return nodes;
    }

    boolean hasOutputs() {
        return !outputs.isEmpty();
    }

    StreamGraph snapshot(String appName, Duration batchDuration, String checkpointDirectory) {
        return new StreamGraph(
                appName,
                batchDuration,
                nodes,
                outputs,
                persisted,
                checkpointDirectory,
                rememberDuration,
                checkpointIntervals,
                StableNames.of(nodes, explicitNames));
    }

    /** The first frame outside Ember's API: where the user defined the operator. */
    private static String callSite() {
        return WALKER.walk(
                frames ->
                        frames.filter(f -> !f.getClassName().startsWith(API_PACKAGE))
                                .findFirst()
                                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                                .orElse(null));
    }
}
