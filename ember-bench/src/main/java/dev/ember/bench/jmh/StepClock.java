package dev.ember.bench.jmh;

import dev.ember.spi.SteppedClock;
import java.util.function.LongConsumer;

/**
 * A clock moved by the benchmark: each {@link #advance} runs the batches that became due on the
 * calling thread, so one benchmark invocation is exactly one batch, with no timer in the way.
 */
final class StepClock implements SteppedClock {
    private long now;
    private LongConsumer listener = t -> {};

    @Override
    public long currentTimeMillis() {
        return now;
    }

    @Override
    public void onAdvance(LongConsumer listener) {
        this.listener = listener;
    }

    void advance(long millis) {
        now += millis;
        listener.accept(now);
    }
}
