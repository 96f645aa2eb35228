package dev.ember.engine.internal;

/** A sink that forwards to a downstream sink and passes the end of the partition on. */
abstract class ChainedSink extends Sink {
    final Sink down;

    ChainedSink(Sink down) {
        this.down = down;
    }

    @Override
    void finish() {
        down.finish();
    }
}
