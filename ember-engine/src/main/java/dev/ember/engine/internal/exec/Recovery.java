package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateInput;
import dev.ember.spi.RunSettings;
import dev.ember.spi.Source;
import dev.ember.spi.plan.PlanNode;
import dev.ember.spi.plan.StreamGraph;
import dev.ember.streaming.CheckpointException;
import dev.ember.streaming.Duration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a snapshot back into a freshly built program: checks that it fits (batch interval,
 * serializer, each stream's kind of state and shape), restores every piece of state under its
 * stream's name and role, and works out which batches to recompute (those pending in the snapshot
 * and those the batch log holds after it) and where each input goes on.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final StreamGraph graph;
    private final RunSettings settings;
    private final Snapshot snapshot;
    private final String origin;

    private Recovery(StreamGraph graph, RunSettings settings, Snapshot snapshot, String origin) {
        this.graph = graph;
        this.settings = settings;
        this.snapshot = snapshot;
        this.origin = origin;
    }

    /**
     * Reads {@code bytes} and checks that they fit {@code graph}.
     *
     * @param origin what the bytes are, for messages: {@code checkpoint
     *     /dir/checkpoint-20000.ember}
     */
    static Recovery of(StreamGraph graph, RunSettings settings, byte[] bytes, String origin) {
        Snapshot snapshot;
        try {
            snapshot = Snapshot.read(new ByteArrayInputStream(bytes), origin);
        } catch (IOException e) {
            throw new CheckpointException(origin + " is unreadable: " + e, e);
        }
        long interval = graph.batchDuration().milliseconds();
        if (snapshot.batchDuration() != interval) {
            throw new CheckpointException(
                    origin
                            + " was written with a batch interval of "
                            + new Duration(snapshot.batchDuration()).pretty()
                            + ", but context '"
                            + graph.appName()
                            + "' has "
                            + graph.batchDuration().pretty()
                            + ": batch times and windows would not line up; use the same interval,"
                            + " or start without the saved state");
        }
        if (!snapshot.serializer().equals(settings.stateSerializer().name())) {
            throw new CheckpointException(
                    origin
                            + " was written with state serializer '"
                            + snapshot.serializer()
                            + "', but context '"
                            + graph.appName()
                            + "' uses '"
                            + settings.stateSerializer().name()
                            + "'; set the same one with setStateSerializer");
        }
        return new Recovery(graph, settings, snapshot, origin);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    String origin() {
        return origin;
    }

    /** Restores every piece of {@code states} found in the snapshot; see the class description. */
    void restore(Map<StateKey, OperatorState> states) {
        Map<String, PlanNode> byName = new HashMap<>();
        for (PlanNode node : graph.nodes()) {
            byName.put(graph.name(node), node);
        }
        for (Map.Entry<StateKey, OperatorState> e : states.entrySet()) {
            String name = e.getKey().stream();
            OperatorState state = e.getValue();
            String describe = byName.get(name).info().describe();
            Snapshot.Section section = snapshot.sections().get(e.getKey());
            if (section == null) {
                LOG.info(
                        "No saved {} for '{}' ({}): it starts empty", state.kind(), name, describe);
                continue;
            }
            requireCompatible(section, state, name, describe);
            try (StateInput in =
                    new StateInput(
                            new ByteArrayInputStream(section.data()), settings.stateSerializer())) {
                state.restore(in, section.version());
            } catch (IOException failure) {
                throw new CheckpointException(
                        "The saved "
                                + state.kind()
                                + " of '"
                                + name
                                + "' ("
                                + describe
                                + ") in "
                                + origin
                                + " is unreadable: "
                                + failure,
                        failure);
            }
        }
        for (Snapshot.Section section : snapshot.sections().values()) {
            if (!states.containsKey(section.key())) {
                LOG.info(
                        "The saved {} of '{}' belongs to no stream of '{}' any more; it is dropped",
                        section.kind(),
                        section.key().stream(),
                        graph.appName());
            }
        }
    }

    private static void requireCompatible(
            Snapshot.Section section, OperatorState state, String name, String describe) {
        if (!section.kind().equals(state.kind())) {
            throw new CheckpointException(
                    "The saved state of '"
                            + name
                            + "' is "
                            + section.kind()
                            + " state, but that stream is now "
                            + describe
                            + ", which keeps "
                            + state.kind()
                            + " state: give the new stream another name with name(...), or start"
                            + " without the saved state");
        }
        if (section.version() > state.formatVersion()) {
            throw new CheckpointException(
                    "The saved "
                            + state.kind()
                            + " of '"
                            + name
                            + "' has format version "
                            + section.version()
                            + ", newer than this Ember's "
                            + state.formatVersion()
                            + "; run it with the Ember that wrote it");
        }
        Map<String, String> now = state.shape();
        for (Map.Entry<String, String> saved : section.shape().entrySet()) {
            String current = now.get(saved.getKey());
            if (current != null && !current.equals(saved.getValue())) {
                throw new CheckpointException(
                        "The "
                                + saved.getKey()
                                + " of '"
                                + name
                                + "' ("
                                + describe
                                + ") changed from "
                                + saved.getValue()
                                + " to "
                                + current
                                + ", so its saved "
                                + state.kind()
                                + " does not fit: keep the "
                                + saved.getKey()
                                + ", name the changed stream differently with name(...), or start"
                                + " without the saved state");
            }
        }
    }

    /**
     * The batches to recompute before new ones: those pending in the snapshot and those the batch
     * log holds after it, in time order, as far as each range-replayable input's ranges follow on
     * from its saved offset without a gap (a gap means the log belongs to a later checkpoint than
     * the one recovered from; the records after the offset then come in the first new batches).
     */
    List<Snapshot.PendingBatch> toRecompute(
            List<BatchLog.Entry> logged, Map<String, Source.Replay> replays) {
        TreeMap<Long, List<Snapshot.PendingCut>> batches = new TreeMap<>();
        for (BatchLog.Entry entry : logged) {
            if (entry.time() > snapshot.lastCompleted()) {
                batches.put(entry.time(), entry.cuts());
            }
        }
        for (Snapshot.PendingBatch pending : snapshot.pending()) {
            batches.put(pending.time(), pending.cuts());
        }
        Map<String, String> expected = new HashMap<>();
        for (Snapshot.InputOffset offset : snapshot.inputs()) {
            expected.put(offset.name(), offset.offset());
        }
        List<Snapshot.PendingBatch> result = new ArrayList<>();
        for (Map.Entry<Long, List<Snapshot.PendingCut>> batch : batches.entrySet()) {
            for (Snapshot.PendingCut cut : batch.getValue()) {
                if (replays.get(cut.input()) != Source.Replay.RANGES || cut.to() == null) {
                    continue;
                }
                if (!Objects.equals(cut.from(), expected.get(cut.input()))) {
                    LOG.warn(
                            "The batch log of input '{}' does not go on from {}'s offset (the"
                                    + " batch at {} ms starts at {}, not {}); batches from there are"
                                    + " not recomputed, and the input resumes after the offset",
                            cut.input(),
                            origin,
                            batch.getKey(),
                            cut.from(),
                            expected.get(cut.input()));
                    return result;
                }
                expected.put(cut.input(), cut.to());
            }
            result.add(new Snapshot.PendingBatch(batch.getKey(), batch.getValue()));
        }
        return result;
    }

    /** The input's offset in the snapshot, or null when the snapshot does not know the input. */
    Snapshot.InputOffset saved(String input) {
        for (Snapshot.InputOffset offset : snapshot.inputs()) {
            if (offset.name().equals(input)) {
                return offset;
            }
        }
        return null;
    }

    /**
     * Where an input goes on: after the last range it is recomputed with when it can read ranges
     * again, after its saved offset when it can only resume, and from its own start otherwise.
     */
    String resumeAfter(String input, Source.Replay replay, List<Snapshot.PendingBatch> recomputed) {
        Snapshot.InputOffset saved = saved(input);
        if (saved == null || replay == Source.Replay.NONE) {
            return null;
        }
        String after = saved.offset();
        if (replay == Source.Replay.RANGES) {
            for (Snapshot.PendingBatch batch : recomputed) {
                for (Snapshot.PendingCut cut : batch.cuts()) {
                    if (cut.input().equals(input) && cut.to() != null) {
                        after = cut.to();
                    }
                }
            }
        }
        return after;
    }
}
