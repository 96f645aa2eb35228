package dev.ember.streaming;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The state of one key, as {@code mapWithState} hands it to the mapping function, as Spark's {@code
 * State}: read it with {@link #exists()}, {@link #get()} or {@link #getOption()}, change it with
 * {@link #update(Object)} or {@link #remove()}.
 *
 * <pre>{@code
 * (word, one, state) -> {
 *     int sum = one.orElse(0) + state.getOption().orElse(0);
 *     if (!state.isTimingOut()) {
 *         state.update(sum);
 *     }
 *     return new Tuple2<>(word, sum);
 * }
 * }</pre>
 *
 * <p>Contract: an instance is valid only during the call it is passed to; do not keep it. Within a
 * batch, a key's calls (one per value, in arrival order) each see the state the previous call left.
 * When {@link #isTimingOut()} is true the key has had no data for the spec's timeout and is removed
 * after this call, so {@code update} and {@code remove} are illegal; {@code remove} may be called
 * at most once per call, and {@code update} not after it. Not thread-safe; each call runs on one
 * worker thread.
 *
 * <p>Instances are created by runners; programs receive them and never subclass this class.
 *
 * @param <S> the state type
 */
public abstract class State<S> {

    /** For runners, which implement this class; programs never call it. */
    protected State() {}

    /** True when the key has a state. */
    public abstract boolean exists();

    /**
     * The key's state.
     *
     * @throws NoSuchElementException when the key has no state; check {@link #exists()} or use
     *     {@link #getOption()}
     */
    public abstract S get();

    /**
     * Sets the key's state; it is kept for the next batches and its idle time restarts.
     *
     * @param newState the new state; not null (use {@link #remove()} to delete the state)
     * @throws NullPointerException when {@code newState} is null
     * @throws IllegalStateException when the key is timing out, or its state was removed in this
     *     call
     */
    public abstract void update(S newState);

    /**
     * Deletes the key's state; the next call for the key sees no state.
     *
     * @throws IllegalStateException when the key is timing out (it is removed anyway), or when
     *     called a second time in this call
     */
    public abstract void remove();

    /**
     * True when this call is the key's last: it had no data for the spec's timeout, the value is
     * empty, and the state is removed after the call.
     */
    public abstract boolean isTimingOut();

    /** The key's state, or empty when it has none. */
    public final Optional<S> getOption() {
        return exists() ? Optional.of(get()) : Optional.empty();
    }
}
