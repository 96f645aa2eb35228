package dev.ember.spi.plan;

import dev.ember.spi.Source;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.SocketOptions;
import java.util.Collection;
import java.util.Queue;

/**
 * What an {@link InputNode} reads. Each runner maps every kind to its own implementation: the
 * built-in kinds (socket, queue, receiver) to its native inputs, and {@link SourceInput} to a
 * driver for any {@link Source}.
 */
public sealed interface InputSpec {

    /** Asks {@code visitor} the question it stands for about this input. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One question asked of every kind of input; no default, so a new kind fails to compile in
     * every runner that does not handle it.
     *
     * @param <R> what the visitor returns
     */
    interface Visitor<R> {
        /** {@code socketTextStream}. */
        R visit(SocketText socket);

        /** {@code queueStream}. */
        R visit(QueueInput queue);

        /** {@code receiverStream}. */
        R visit(ReceiverInput receiver);

        /** {@code sourceStream}. */
        R visit(SourceInput source);
    }

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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }

    /**
     * {@code sourceStream}: a source with offsets.
     *
     * @param source the source; the runner opens a reader from it at start
     */
    record SourceInput(Source<?> source) implements InputSpec {
        @Override
        public String describe() {
            return source.describe();
        }

        @Override
        public String identity() {
            return source.identity();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.visit(this);
        }
    }
}
