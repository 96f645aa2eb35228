package dev.ember.engine.internal.state;

import dev.ember.streaming.State;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * The local runner's {@link State}: one instance per partition task, rewrapped around a key's state
 * before each call of the mapping function, which leaves its decision in the flags.
 */
public final class MappedState extends State<Object> {
    private boolean exists;
    private Object value;
    private boolean timingOut;
    private boolean updated;
    private boolean removed;

    /** Prepares a call for a key with data; {@code value} is ignored when the key has no state. */
    public void wrap(boolean exists, Object value) {
        this.exists = exists;
        this.value = exists ? value : null;
        this.timingOut = false;
        this.updated = false;
        this.removed = false;
    }

    /** Prepares the last call of a key that times out. */
    public void wrapTimingOut(Object value) {
        wrap(true, value);
        this.timingOut = true;
    }

    public boolean isUpdated() {
        return updated;
    }

    public boolean isRemoved() {
        return removed;
    }

    @Override
    public boolean exists() {
        return exists;
    }

    @Override
    public Object get() {
        if (!exists) {
            throw new NoSuchElementException(
                    removed
                            ? "State is not set: it was removed in this call"
                            : "State is not set: the key has no state yet; check exists() or use"
                                    + " getOption()");
        }
        return value;
    }

    @Override
    public void update(Object newState) {
        Objects.requireNonNull(newState, "newState (to delete the state, call remove())");
        if (timingOut) {
            throw new IllegalStateException(
                    "Cannot update the state of a key that is timing out: it is removed after this"
                            + " call; check isTimingOut() before update()");
        }
        if (removed) {
            throw new IllegalStateException(
                    "Cannot update the state after it has been removed in the same call");
        }
        value = newState;
        exists = true;
        updated = true;
    }

    @Override
    public void remove() {
        if (timingOut) {
            throw new IllegalStateException(
                    "Cannot remove the state of a key that is timing out: it is removed after this"
                            + " call anyway; check isTimingOut() before remove()");
        }
        if (removed) {
            throw new IllegalStateException(
                    "Cannot remove the state that has already been removed: call remove() at most"
                            + " once per call");
        }
        value = null;
        exists = false;
        updated = false;
        removed = true;
    }

    @Override
    public boolean isTimingOut() {
        return timingOut;
    }

    @Override
    public String toString() {
        String s = exists ? "State(" + value + ")" : "State(<none>)";
        return timingOut ? s + " timing out" : s;
    }
}
