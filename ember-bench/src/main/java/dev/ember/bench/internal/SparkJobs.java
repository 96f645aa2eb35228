package dev.ember.bench.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Option;
import scala.Tuple2;

/**
 * The workloads on Apache Spark Streaming, {@code local[2]}, written as the Spark examples write
 * them ({@code JavaNetworkWordCount}), with the UI off and logs at WARN on stderr.
 *
 * <p>Spark 4 marks the DStream API deprecated in favour of Structured Streaming; the comparison is
 * with the DStream model Ember implements, so the deprecation is expected here.
 */
@SuppressWarnings("deprecation")
final class SparkJobs implements Jobs {
    static final String MASTER = "local[2]";

    /** Only the output callbacks touch it, on Spark's job thread. */
    private static volatile CountDownLatch memDone;

    static JavaStreamingContext context(Params p, String app, Duration batch) {
        SparkConf conf =
                new SparkConf()
                        .setMaster(MASTER)
                        .setAppName(app)
                        .set("spark.ui.enabled", "false")
                        .set("spark.ui.showConsoleProgress", "false")
                        .set("spark.driver.host", "127.0.0.1")
                        .set("spark.driver.bindAddress", "127.0.0.1")
                        .set("spark.local.dir", p.get("localDir"));
        // Extra settings for experiments (spark.x=y); the comparison passes none.
        p.forEach(
                (k, v) -> {
                    if (k.startsWith("spark.")) {
                        conf.set(k, v);
                    }
                });
        JavaStreamingContext jssc = new JavaStreamingContext(conf, batch);
        jssc.addStreamingListener(new BatchListener());
        return jssc;
    }

    /**
     * The socket stream, its blocks stored {@code MEMORY_ONLY}: deserialised and not replicated, as
     * Ember keeps its received blocks. Spark's default, {@code MEMORY_AND_DISK_SER_2}, serialises
     * every line and costs Spark a large part of its throughput; a {@code storage} parameter
     * selects another level for an experiment.
     */
    static JavaDStream<String> lines(JavaStreamingContext jssc, Params p) {
        return jssc.socketTextStream(
                "127.0.0.1",
                p.intValue("port"),
                StorageLevel.fromString(p.get("storage", "MEMORY_ONLY")));
    }

    /** The classic word count, as in {@code JavaNetworkWordCount}. */
    static JavaPairDStream<String, Long> wordCounts(JavaDStream<String> lines) {
        return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum);
    }

    static long sumOfCounts(JavaPairRDD<String, Long> rdd) {
        return rdd.values().fold(0L, Long::sum);
    }

    /**
     * Batches come from a queue of RDDs that were generated on the executors and cached before the
     * stream starts, so that generation and task serialisation of the data are excluded, as they
     * are for Ember's pre-built lists.
     */
    @Override
    public void memWordCount(Params p) throws Exception {
        MemData data = MemData.of(p);
        JavaStreamingContext jssc =
                context(p, "memory-word-count", Durations.milliseconds(p.longValue("batchMs")));
        JavaSparkContext sc = jssc.sparkContext();
        List<JavaRDD<String>> distinct = new ArrayList<>();
        int partitions = 2;
        for (int b = 0; b < data.distinct(); b++) {
            long seed = data.seed() + b;
            int lines = data.lines();
            JavaRDD<String> rdd =
                    sc.parallelize(Arrays.asList(0, 1), partitions)
                            .mapPartitionsWithIndex(
                                    (index, ignored) -> {
                                        int from = (int) ((long) lines * index / partitions);
                                        int to = (int) ((long) lines * (index + 1) / partitions);
                                        return Corpus.generate(seed, from, to - from)
                                                .asStrings()
                                                .iterator();
                                    },
                                    true)
                            .cache();
            Protocol.emit(Protocol.INFO, "prepared", rdd.count());
            distinct.add(rdd);
        }
        Queue<JavaRDD<String>> queue = new LinkedList<>();
        for (int i = 0; i < data.batches(); i++) {
            queue.add(distinct.get(i % distinct.size()));
        }
        memDone = new CountDownLatch(data.batches());
        wordCounts(jssc.queueStream(queue, true))
                .foreachRDD(
                        (rdd, time) -> {
                            long words = sumOfCounts(rdd);
                            if (words > 0) {
                                Reporter.batch(time.milliseconds(), words);
                                memDone.countDown();
                            }
                        });
        jssc.start();
        memDone.await();
        Protocol.emit(Protocol.RESULT, "done", true);
        // Stopping Spark takes seconds and measures nothing; the harness ends the process.
    }

    @Override
    public void socketWordCount(Params p) throws Exception {
        JavaStreamingContext jssc =
                context(p, "socket-word-count", Durations.milliseconds(p.longValue("batchMs")));
        wordCounts(lines(jssc, p))
                .foreachRDD((rdd, time) -> Reporter.batch(time.milliseconds(), sumOfCounts(rdd)));
        jssc.start();
        jssc.awaitTermination();
    }

    @Override
    public void hashtags(Params p) throws Exception {
        JavaStreamingContext jssc =
                context(p, "trending-hashtags", Durations.milliseconds(p.longValue("batchMs")));
        jssc.checkpoint(p.get("checkpointDir"));
        JavaPairDStream<String, Long> counts =
                lines(jssc, p)
                        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                        .filter(word -> word.startsWith("#"))
                        .mapToPair(tag -> new Tuple2<>(tag, 1L))
                        .reduceByKeyAndWindow(
                                Long::sum,
                                (a, b) -> a - b,
                                Durations.milliseconds(p.longValue("windowMs")),
                                Durations.milliseconds(p.longValue("slideMs")));
        counts.foreachRDD(
                (rdd, time) -> {
                    List<Tuple2<String, Long>> top = rdd.top(10, new ByCount());
                    Reporter.batch(time.milliseconds(), sumOfCounts(rdd), format(top));
                });
        jssc.start();
        jssc.awaitTermination();
    }

    @Override
    public void latency(Params p) throws Exception {
        JavaStreamingContext jssc =
                context(p, "latency", Durations.milliseconds(p.longValue("batchMs")));
        wordCounts(lines(jssc, p))
                .foreachRDD(
                        (rdd, time) -> {
                            List<String> marks = new ArrayList<>();
                            for (Tuple2<String, Long> t :
                                    rdd.filter(t -> t._1().startsWith(Kernel.MARKER_PREFIX))
                                            .collect()) {
                                marks.add(t._1());
                            }
                            Reporter.marks(time.milliseconds(), marks);
                        });
        jssc.start();
        jssc.awaitTermination();
    }

    static String format(List<Tuple2<String, Long>> top) {
        StringBuilder sb = new StringBuilder();
        for (Tuple2<String, Long> t : top) {
            sb.append(sb.length() == 0 ? "" : ",").append(t._1()).append(':').append(t._2());
        }
        return sb.toString();
    }

    /** Orders pairs by count; serialisable, as Spark ships it to the executors. */
    static final class ByCount implements Comparator<Tuple2<String, Long>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
            return Long.compare(a._2(), b._2());
        }
    }

    /** Spark's own processing and scheduling delays, logged as a cross-check. */
    static final class BatchListener implements StreamingListener {
        @Override
        public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
            BatchInfo info = completed.batchInfo();
            Protocol.emit(
                    Protocol.SPARK,
                    "t",
                    info.batchTime().milliseconds(),
                    "proc",
                    millis(info.processingDelay()),
                    "sched",
                    millis(info.schedulingDelay()),
                    "records",
                    info.numRecords());
        }

        private static long millis(Option<Object> delay) {
            return delay.isDefined() ? (Long) delay.get() : -1;
        }
    }
}
