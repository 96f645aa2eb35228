package dev.ember.spi.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every node of a graph a name that does not move when the program grows: the key under which
 * runners keep a node's state, offsets and metrics, and under which checkpoints find them again in
 * a rebuilt program.
 *
 * <p>A node named with {@code DStream.name(...)} has that name. Any other node's name is derived
 * from its lineage: an input's from its operator and what it reads ({@code
 * socketTextStream[localhost:9999]}); a node with one parent from the parent's anchor, a slash and
 * its operator ({@code .../reduceByKey}); a node with several parents from its operator and their
 * anchors ({@code union(a,b)}). The anchor of a node is its name, except for narrow nodes ({@code
 * map}, {@code filter}, {@code flatMap}, {@code mapToPair}, {@code flatMapToPair}, {@code
 * mapValues}, {@code flatMapValues}, {@code mapPartitions}) without an explicit name: their anchor
 * is their parent's, and their own name uses a dot instead of the slash ({@code
 * socketTextStream[localhost:9999].flatMap}). So adding, removing or reordering stateless steps in
 * a lineage, or adding operators and outputs elsewhere, changes no stateful node's name.
 *
 * <p>Nodes whose derived names would be equal are told apart by {@code #2}, {@code #3}, ... in
 * order of definition, the first one keeping the plain name: only there does the order of
 * definition matter, and naming such nodes explicitly removes the dependence.
 */
public final class StableNames {
    private StableNames() {}

    /**
     * The name of every node of {@code nodes} (parents before children), by node id.
     *
     * @param explicit the names given with {@code DStream.name(...)}, by node id
     */
    public static Map<Integer, String> of(List<PlanNode> nodes, Map<Integer, String> explicit) {
        Map<Integer, String> names = new HashMap<>();
        Map<PlanNode, String> anchors = new IdentityHashMap<>();
        Set<String> taken = new HashSet<>(explicit.values());
        for (PlanNode node : nodes) {
            String name = explicit.get(node.info().id());
            if (name == null) {
                String base = derive(node, anchors);
                name = base;
                for (int n = 2; taken.contains(name); n++) {
                    name = base + "#" + n;
                }
                taken.add(name);
            }
            names.put(node.info().id(), name);
            anchors.put(
                    node,
                    node instanceof NarrowNode && !explicit.containsKey(node.info().id())
                            ? anchors.get(node.parents().get(0))
                            : name);
        }
        return Map.copyOf(names);
    }

    private static String derive(PlanNode node, Map<PlanNode, String> anchors) {
        String operator = node.info().operator();
        List<PlanNode> parents = node.parents();
        if (node instanceof InputNode input) {
            String identity = input.spec().identity();
            return identity.isEmpty() ? operator : operator + "[" + identity + "]";
        }
        if (parents.size() == 1) {
            return anchors.get(parents.get(0))
                    + (node instanceof NarrowNode ? "." : "/")
                    + operator;
        }
        List<String> of = new ArrayList<>(parents.size());
        for (PlanNode p : parents) {
            of.add(anchors.get(p));
        }
        return operator + "(" + String.join(",", of) + ")";
    }
}
