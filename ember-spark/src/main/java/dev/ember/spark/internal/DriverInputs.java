package dev.ember.spark.internal;

import dev.ember.spi.SourceReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.function.LongConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.scheduler.StreamInputInfo;
import scala.Option;
import scala.reflect.ClassTag$;

/**
 * The inputs that Ember reads on Spark's driver, as Spark {@code InputDStream}s: {@code
 * queueStream} (Ember's live queue of collections), {@code sourceStream} (a source cut into offset
 * ranges on the driver, each range read there and parallelised), and the tick, an input with no
 * data whose only output makes every batch time have a job.
 *
 * <p>Spark computes an input at a batch time only when an output needs it then; Ember cuts every
 * input at every batch time. The runner therefore registers, before the program's outputs, one
 * output that reads the tick and every driver input, so that each is cut at each batch time, in
 * time order, as on the local runner. Spark reports no event for a batch time without jobs; the
 * tick's output gives every time a job, so every batch is submitted, started and completed.
 *
 * <p>Spark 4 marks the DStream API deprecated in favour of Structured Streaming; this runner
 * targets the DStream model that Ember implements, so the deprecation is expected here.
 */
@SuppressWarnings("deprecation")
final class DriverInputs {
    private DriverInputs() {}

    /** Ember's live queue, polled at each batch time like the local runner's queue reader. */
    static final class QueueStream extends CutStream {
        private static final long serialVersionUID = 1L;

        private final transient Queue<? extends Collection<?>> queue;
        private final boolean oneAtATime;
        private long polled;

        QueueStream(
                StreamingContext ssc, Queue<? extends Collection<?>> queue, boolean oneAtATime) {
            super(ssc);
            this.queue = queue;
            this.oneAtATime = oneAtATime;
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public Option<RDD<Object>> compute(Time validTime) {
            if (!advance(validTime)) {
                return Option.empty();
            }
            List<Object> records = new ArrayList<>();
            String from = Long.toString(polled);
            // As the local runner: users may add from other threads under the queue's monitor.
            synchronized (queue) {
                Collection<?> c;
                while ((c = queue.poll()) != null) {
                    records.addAll(c);
                    polled++;
                    if (oneAtATime) {
                        break;
                    }
                }
            }
            report(this, validTime, records.size(), from, Long.toString(polled));
            return Option.apply(parallelize(this, records));
        }
    }

    /**
     * A source's reader on the driver: the cut at each batch time closes an offset range, which is
     * read at once (the batch's RDD holds the records) and reported processed when the batch has
     * completed.
     */
    static final class SourceStream extends CutStream {
        private static final long serialVersionUID = 1L;

        private final transient SourceReader<?> reader;
        private final transient Processed processed;
        private String lastCut;

        /** Told the batch time and offset of each cut, to report it processed later. */
        interface Processed {
            void cut(long batchTime, String offset);
        }

        SourceStream(StreamingContext ssc, SourceReader<?> reader, Processed processed) {
            super(ssc);
            this.reader = reader;
            this.processed = processed;
        }

        @Override
        public void start() {
            reader.start(null);
        }

        @Override
        public void stop() {
            reader.close();
        }

        @Override
        public Option<RDD<Object>> compute(Time validTime) {
            if (!advance(validTime)) {
                return Option.empty();
            }
            SourceReader.Cut cut = reader.cut();
            String from = lastCut;
            lastCut = cut.offset();
            List<Object> records = new ArrayList<>();
            if (!java.util.Objects.equals(from, cut.offset())) {
                for (List<?> block : reader.read(from, cut.offset())) {
                    records.addAll(block);
                }
            }
            processed.cut(validTime.milliseconds(), cut.offset());
            report(this, validTime, records.size(), from, cut.offset());
            return Option.apply(parallelize(this, records));
        }

        /** Tells the reader that the batches up to {@code offset} have been processed. */
        void processed(String offset) {
            reader.processed(offset);
        }
    }

    /**
     * An input cut once per batch time, in time order. Spark asks for a batch again when it has
     * forgotten it (a slice reaching past what the stream remembers): cutting then would take the
     * next batch's records, so such a batch is gone, as on the local runner.
     */
    abstract static class CutStream extends InputDStream<Object> {
        private static final long serialVersionUID = 1L;

        private long lastCut = Long.MIN_VALUE;

        CutStream(StreamingContext ssc) {
            super(ssc, ClassTag$.MODULE$.AnyRef());
        }

        /** True, once, for each batch time later than every earlier one. */
        boolean advance(Time time) {
            if (time.milliseconds() <= lastCut) {
                return false;
            }
            lastCut = time.milliseconds();
            return true;
        }
    }

    /** No data at any time: what the runner's own output reads to give every batch a job. */
    static final class TickStream extends InputDStream<Object> {
        private static final long serialVersionUID = 1L;

        private final transient LongConsumer onTick;

        TickStream(StreamingContext ssc, LongConsumer onTick) {
            super(ssc, ClassTag$.MODULE$.AnyRef());
            this.onTick = onTick;
        }

        @Override
        public void start() {}

        @Override
        public void stop() {}

        @Override
        public Option<RDD<Object>> compute(Time validTime) {
            onTick.accept(validTime.milliseconds());
            return Option.apply(
                    JavaSparkContext.fromSparkContext(context().sparkContext()).emptyRDD().rdd());
        }
    }

    private static RDD<Object> parallelize(InputDStream<Object> input, List<Object> records) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(input.context().sparkContext());
        if (records.isEmpty()) {
            return sc.emptyRDD().rdd();
        }
        return sc.parallelize(records, Math.max(1, sc.defaultParallelism())).rdd();
    }

    /** What Spark's UI and listeners show for the input: its records and offset range. */
    private static void report(
            InputDStream<Object> input, Time time, long records, String from, String to) {
        scala.collection.immutable.Map<String, Object> metadata =
                new scala.collection.immutable.Map.Map3<>(
                        FROM,
                        from == null ? "" : from,
                        TO,
                        to,
                        "Description",
                        "offsets (" + (from == null ? "start" : from) + ", " + to + "]");
        input.context()
                .scheduler()
                .inputInfoTracker()
                .reportInfo(time, new StreamInputInfo(input.id(), records, metadata));
    }

    /** The metadata keys of the offsets an input reports, read back by the listener bridge. */
    static final String FROM = "ember.fromOffset";

    static final String TO = "ember.toOffset";
}
