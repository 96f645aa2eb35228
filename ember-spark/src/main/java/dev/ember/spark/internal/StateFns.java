package dev.ember.spark.internal;

import dev.ember.streaming.function.Function2;
import dev.ember.streaming.function.Function4;
import java.io.Serializable;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.Time;
import scala.Option;
import scala.Some;
import scala.runtime.AbstractFunction4;

/**
 * The keyed-state functions as Spark's: {@code updateStateByKey}'s with {@code java.util.Optional}
 * turned into Spark's {@code Optional} and back, and {@code mapWithState}'s with Spark's {@code
 * State} seen through Ember's (same rules, same exceptions as the local runner).
 */
final class StateFns {
    private StateFns() {}

    /** {@code updateStateByKey}'s function in Spark's Java form. */
    static org.apache.spark.api.java.function.Function2<
                    List<Object>,
                    org.apache.spark.api.java.Optional<Object>,
                    org.apache.spark.api.java.Optional<Object>>
            update(String op, Function2<List<Object>, Optional<Object>, Optional<Object>> fn) {
        return new UpdateFn(op, fn);
    }

    /**
     * {@code mapWithState}'s function in Spark's Scala form, which can emit {@code null} for the
     * plain form as the local runner does ({@code Some(null)}; the Java form cannot).
     */
    static AbstractFunction4<Time, Object, Option<Object>, State<Object>, Option<Object>> mapping(
            String op,
            Function4<
                            dev.ember.streaming.Time,
                            Object,
                            Optional<Object>,
                            dev.ember.streaming.State<Object>,
                            Object>
                    fn,
            boolean optionalResult) {
        return new MappingFn(op, fn, optionalResult);
    }

    private record UpdateFn(
            String op, Function2<List<Object>, Optional<Object>, Optional<Object>> fn)
            implements org.apache.spark.api.java.function.Function2<
                    List<Object>,
                    org.apache.spark.api.java.Optional<Object>,
                    org.apache.spark.api.java.Optional<Object>> {
        @Override
        public org.apache.spark.api.java.Optional<Object> call(
                List<Object> values, org.apache.spark.api.java.Optional<Object> previous) {
            Optional<Object> next;
            try {
                next =
                        fn.call(
                                values,
                                previous.isPresent()
                                        ? Optional.of(previous.get())
                                        : Optional.empty());
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
            if (next == null) {
                throw OperatorFailure.of(
                        op,
                        new NullPointerException(
                                "the update function returned null; return Optional.empty() to"
                                        + " remove the key"));
            }
            return next.isPresent()
                    ? org.apache.spark.api.java.Optional.of(next.get())
                    : org.apache.spark.api.java.Optional.empty();
        }
    }

    private static final class MappingFn
            extends AbstractFunction4<Time, Object, Option<Object>, State<Object>, Option<Object>>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String op;
        private final Function4<
                        dev.ember.streaming.Time,
                        Object,
                        Optional<Object>,
                        dev.ember.streaming.State<Object>,
                        Object>
                fn;
        private final boolean optionalResult;

        MappingFn(
                String op,
                Function4<
                                dev.ember.streaming.Time,
                                Object,
                                Optional<Object>,
                                dev.ember.streaming.State<Object>,
                                Object>
                        fn,
                boolean optionalResult) {
            this.op = op;
            this.fn = fn;
            this.optionalResult = optionalResult;
        }

        @Override
        public Option<Object> apply(
                Time time, Object key, Option<Object> value, State<Object> state) {
            Object result;
            try {
                result =
                        fn.call(
                                new dev.ember.streaming.Time(time.milliseconds()),
                                key,
                                value.isDefined() ? Optional.of(value.get()) : Optional.empty(),
                                new StateView(state));
            } catch (Exception e) {
                throw OperatorFailure.of(op, e);
            }
            if (!optionalResult) {
                return new Some<>(result);
            }
            if (!(result instanceof Optional<?> optional)) {
                throw OperatorFailure.of(
                        op,
                        new NullPointerException(
                                "the mapping function returned null; return Optional.empty() to"
                                        + " emit nothing"));
            }
            return optional.isPresent() ? new Some<>(optional.get()) : Option.empty();
        }
    }

    /**
     * Spark's state of one key through Ember's {@link dev.ember.streaming.State}: one view per
     * call, checking Ember's rules itself so that misuse throws what it throws on the local runner.
     */
    private static final class StateView extends dev.ember.streaming.State<Object> {
        private final State<Object> state;
        private boolean removed;

        StateView(State<Object> state) {
            this.state = state;
        }

        @Override
        public boolean exists() {
            return state.exists();
        }

        @Override
        public Object get() {
            if (!state.exists()) {
                throw new NoSuchElementException(
                        removed
                                ? "State is not set: it was removed in this call"
                                : "State is not set: the key has no state yet; check exists() or"
                                        + " use getOption()");
            }
            return state.get();
        }

        @Override
        public void update(Object newState) {
            Objects.requireNonNull(newState, "newState (to delete the state, call remove())");
            if (state.isTimingOut()) {
                throw new IllegalStateException(
                        "Cannot update the state of a key that is timing out: it is removed after"
                                + " this call; check isTimingOut() before update()");
            }
            if (removed) {
                throw new IllegalStateException(
                        "Cannot update the state after it has been removed in the same call");
            }
            state.update(newState);
        }

        @Override
        public void remove() {
            if (state.isTimingOut()) {
                throw new IllegalStateException(
                        "Cannot remove the state of a key that is timing out: it is removed after"
                                + " this call anyway; check isTimingOut() before remove()");
            }
            if (removed) {
                throw new IllegalStateException(
                        "Cannot remove the state that has already been removed: call remove() at"
                                + " most once per call");
            }
            state.remove();
            removed = true;
        }

        @Override
        public boolean isTimingOut() {
            return state.isTimingOut();
        }

        @Override
        public String toString() {
            String s = state.exists() ? "State(" + state.get() + ")" : "State(<none>)";
            return state.isTimingOut() ? s + " timing out" : s;
        }
    }
}
