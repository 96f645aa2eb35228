package dev.ember.engine.internal.batch;

/** A sink that forwards to a downstream sink and passes the end of the partition on. */
public abstract class ChainedSink extends Sink {
    final Sink down;

    public ChainedSink(Sink down) {
        this.down = down;
    }

    @Override
    public void finish() {
        down.finish();
    }
}
