package dev.ember.spark.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.DeserializationStream;
import org.apache.spark.serializer.JavaDeserializationStream;
import org.apache.spark.serializer.SerializationStream;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.util.ByteBufferInputStream;
import scala.reflect.ClassTag;

/**
 * Spark's Java serialization, plus {@code java.util.Optional}: Ember's joins and state put
 * Optionals in records, as Spark's Java API puts its own {@code Optional}, but {@code
 * java.util.Optional} is not {@code Serializable}, so shuffles, task results and serialised caches
 * of such records would fail under Spark's {@code JavaSerializer}. This serializer writes each
 * Optional as a small serializable stand-in that reads back as the Optional. Everything else is
 * written as {@code JavaSerializer} writes it (the stream is reset every 100 objects, as there).
 *
 * <p>Spark creates it from {@code spark.serializer} on the driver and on every executor, so its
 * class must be on the executors' class path when they start (see docs/spark.md).
 */
public final class OptionalJavaSerializer extends Serializer implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int RESET_EVERY = 100;

    /** Created by Spark from {@code spark.serializer}. */
    public OptionalJavaSerializer(SparkConf conf) {}

    @Override
    public SerializerInstance newInstance() {
        ClassLoader loader =
                defaultClassLoader().isDefined()
                        ? defaultClassLoader().get()
                        : Thread.currentThread().getContextClassLoader();
        return new Instance(loader);
    }

    /** What an Optional is written as; reading it back gives the Optional. */
    private record Present(Object value) implements Serializable {
        private Object readResolve() {
            return Optional.ofNullable(value);
        }
    }

    private static final class Instance extends SerializerInstance {
        private final ClassLoader loader;

        Instance(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public <T> ByteBuffer serialize(T t, ClassTag<T> tag) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            SerializationStream out = serializeStream(bytes);
            out.writeObject(t, tag);
            out.close();
            return ByteBuffer.wrap(bytes.toByteArray());
        }

        @Override
        public <T> T deserialize(ByteBuffer bytes, ClassTag<T> tag) {
            return deserialize(bytes, loader, tag);
        }

        @Override
        public <T> T deserialize(ByteBuffer bytes, ClassLoader loader, ClassTag<T> tag) {
            DeserializationStream in =
                    new JavaDeserializationStream(new ByteBufferInputStream(bytes), loader);
            return in.readObject(tag);
        }

        @Override
        public SerializationStream serializeStream(OutputStream s) {
            return new Output(s);
        }

        @Override
        public DeserializationStream deserializeStream(InputStream s) {
            return new JavaDeserializationStream(s, loader);
        }
    }

    private static final class Output extends SerializationStream {
        private final ObjectOutputStream out;
        private int written;

        Output(OutputStream s) {
            try {
                this.out = new Replacing(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> SerializationStream writeObject(T t, ClassTag<T> tag) {
            try {
                out.writeObject(t);
                if (++written >= RESET_EVERY) {
                    out.reset();
                    written = 0;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        @Override
        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Replacing extends ObjectOutputStream {
        Replacing(OutputStream out) throws IOException {
            super(out);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return obj instanceof Optional<?> o ? new Present(o.orElse(null)) : obj;
        }
    }
}
