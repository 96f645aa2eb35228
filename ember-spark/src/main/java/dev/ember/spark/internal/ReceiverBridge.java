package dev.ember.spark.internal;

import dev.ember.spi.ReceiverSupervisor;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.receiver.Receiver;

/**
 * An Ember {@link dev.ember.streaming.Receiver} as a Spark receiver: Spark ships this bridge, with
 * the Ember receiver inside, to an executor and starts it there; {@link #onStart()} connects the
 * Ember receiver to a supervisor that forwards its {@code store}, {@code restart} and {@code stop}
 * to Spark's, so it runs unchanged. The receiver is serialised to get there, which the runner
 * checks before the program starts.
 */
final class ReceiverBridge extends Receiver<Object> {
    private static final long serialVersionUID = 1L;

    private final dev.ember.streaming.Receiver<?> receiver;

    ReceiverBridge(dev.ember.streaming.Receiver<?> receiver, StorageLevel level) {
        super(level);
        this.receiver = receiver;
    }

    @Override
    public void onStart() {
        ReceiverSupervisor.attach(receiver, new Forwarding());
        receiver.onStart();
    }

    @Override
    public void onStop() {
        receiver.onStop();
    }

    /** Ember's supervisor calls, carried out by Spark's receiver supervisor. */
    private final class Forwarding implements ReceiverSupervisor {
        @Override
        public void store(Object record) {
            ReceiverBridge.this.store(record);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void storeAll(Iterator<?> records) {
            ReceiverBridge.this.store((Iterator<Object>) records);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void storeBlock(List<?> records) {
            ReceiverBridge.this.store((Iterator<Object>) records.iterator());
        }

        @Override
        public void restart(String message, Throwable error, int delayMillis) {
            ReceiverBridge.this.restart(message, error, delayMillis);
        }

        @Override
        public void stop(String message, Throwable error) {
            if (error == null) {
                ReceiverBridge.this.stop(message);
            } else {
                ReceiverBridge.this.stop(message, error);
            }
        }

        @Override
        public void reportError(String message, Throwable error) {
            ReceiverBridge.this.reportError(message, error);
        }

        @Override
        public boolean isStarted() {
            return ReceiverBridge.this.isStarted();
        }

        @Override
        public boolean isStopped() {
            return ReceiverBridge.this.isStopped();
        }
    }
}
