package dev.ember.engine.internal.exec;

/**
 * Where a piece of saved state belongs: the stable name of its stream and the role it plays there,
 * since one stream may hold several (a stateful stream that a window also reads keeps its state and
 * the window's buffer).
 */
record StateKey(String stream, Role role) {

    /** What a piece of state is to its stream. */
    enum Role {
        /** A stateful operator's own state: keyed state, window accumulators. */
        STATE,
        /** The batches of the stream that a window downstream still reads. */
        WINDOW_BUFFER,
        /** The records an input holds for batches not yet processed. */
        INPUT_BUFFER
    }

    @Override
    public String toString() {
        return stream + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
