package dev.ember.engine.internal.exec;

import dev.ember.engine.internal.state.OperatorState;
import dev.ember.engine.internal.state.StateCapture;
import dev.ember.engine.internal.state.StateOutput;
import dev.ember.spi.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot holds, captured between batches on the job thread: copies that later batches do
 * not change, written by {@link #writeTo} on whichever thread writes the snapshot.
 */
record Captured(
        String appName,
        long batchDuration,
        long zeroTime,
        long lastCompleted,
        List<Snapshot.InputOffset> inputs,
        List<Snapshot.PendingBatch> pending,
        Map<StateKey, OperatorState> states,
        Map<StateKey, StateCapture> captures) {

    void writeTo(OutputStream out, StateSerializer serializer) throws IOException {
        Map<StateKey, Snapshot.Section> sections = new LinkedHashMap<>();
        for (Map.Entry<StateKey, StateCapture> e : captures.entrySet()) {
            OperatorState state = states.get(e.getKey());
            Snapshot.SectionBytes bytes = new Snapshot.SectionBytes();
            try (StateOutput section = new StateOutput(bytes, serializer)) {
                e.getValue().writeTo(section);
            }
            sections.put(
                    e.getKey(),
                    new Snapshot.Section(
                            e.getKey(),
                            state.kind(),
                            state.formatVersion(),
                            state.shape(),
                            bytes.bytes()));
        }
        new Snapshot(
                        appName,
                        batchDuration,
                        zeroTime,
                        lastCompleted,
                        serializer.name(),
                        inputs,
                        pending,
                        sections)
                .writeTo(out);
    }

    byte[] toBytes(StateSerializer serializer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out, serializer);
        return out.toByteArray();
    }
}
