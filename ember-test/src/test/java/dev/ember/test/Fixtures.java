package dev.ember.test;

import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;

/** Small helpers the operator tests share. */
final class Fixtures {
    private Fixtures() {}

    /** A pair with a string key. */
    static <V> Tuple2<String, V> kv(String k, V v) {
        return Tuple2.of(k, v);
    }

    /**
     * Gives the context a checkpoint directory under target/ (stateful operators need one) and
     * starts the driver.
     */
    static void startWithCheckpoint(StreamingContext ssc, StreamingTestDriver driver) {
        ssc.checkpoint("target/checkpoints/" + ssc.appName());
        driver.start();
    }
}
