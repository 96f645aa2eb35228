package dev.ember.spi.plan;

import dev.ember.streaming.Receiver;
import dev.ember.streaming.SocketOptions;
import java.util.Collection;
import java.util.Queue;

/** What an {@link InputNode} reads. Each runner maps every kind to its own implementation. */
public sealed interface InputSpec {

    /** A short description for logs and messages, such as {@code socket localhost:9999}. */
    String describe();

    /**
     * What tells this input apart from others of its kind, for its derived stable name, such as
     * {@code localhost:9999}; empty when nothing does.
     */
    String identity();

    /**
     * {@code socketTextStream}: UTF-8 lines from a TCP server this stream connects to.
     *
     * @param host the server's host name or address
     * @param port the server's port
     * @param options line limit and reconnection backoff
     */
    record SocketText(String host, int port, SocketOptions options) implements InputSpec {
        @Override
        public String describe() {
            return "socket " + host + ":" + port;
        }

        @Override
        public String identity() {
            return host + ":" + port;
        }
    }

    /**
     * {@code queueStream}: collections taken from a queue, one per batch or all at once.
     *
     * @param queue the live queue; the stream polls it at each batch time
     * @param oneAtATime whether each batch takes one collection or everything queued
     */
    record QueueInput(Queue<? extends Collection<?>> queue, boolean oneAtATime)
            implements InputSpec {
        @Override
        public String describe() {
            return "queue";
        }

        @Override
        public String identity() {
            return "";
        }
    }

    /**
     * {@code receiverStream}: a user's push receiver.
     *
     * @param receiver the receiver; the runner starts it on a thread of its own
     */
    record ReceiverInput(Receiver<?> receiver) implements InputSpec {
        @Override
        public String describe() {
            return "receiver " + receiver.getClass().getSimpleName();
        }

        @Override
        public String identity() {
            return receiver.getClass().getSimpleName();
        }
    }
}
