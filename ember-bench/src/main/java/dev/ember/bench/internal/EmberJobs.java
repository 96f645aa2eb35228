package dev.ember.bench.internal;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/** The workloads on Ember's local runner, written as a user would write them. */
final class EmberJobs implements Jobs {
    static final String MASTER = "local[2]";

    /** The classic word count: split on spaces, pair each word with 1, sum per word. */
    static PairDStream<String, Long> wordCounts(DStream<String> lines) {
        return lines.flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                .mapToPair(word -> new Tuple2<>(word, 1L))
                .reduceByKey(Long::sum);
    }

    /** The sum of the counts of a batch of word counts, in one pass over its partitions. */
    static long sumOfCounts(Batch<Tuple2<String, Long>> batch) throws Exception {
        LongAdder sum = new LongAdder();
        batch.foreachPartition(
                it -> {
                    long s = 0;
                    while (it.hasNext()) {
                        s += it.next()._2();
                    }
                    sum.add(s);
                });
        return sum.sum();
    }

    @Override
    public void memWordCount(Params p) throws Exception {
        MemData data = MemData.of(p);
        List<List<String>> distinct = new ArrayList<>();
        for (int b = 0; b < data.distinct(); b++) {
            distinct.add(Collections.unmodifiableList(data.corpus(b).toStrings()));
        }
        Queue<List<String>> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < data.batches(); i++) {
            queue.add(distinct.get(i % distinct.size()));
        }
        CountDownLatch done = new CountDownLatch(data.batches());
        StreamingContext ssc =
                new StreamingContext(
                        MASTER,
                        "memory-word-count",
                        Durations.milliseconds(p.longValue("batchMs")));
        wordCounts(ssc.queueStream(queue, true))
                .foreachRDD(
                        (batch, time) -> {
                            long words = sumOfCounts(batch);
                            if (words > 0) {
                                Reporter.batch(time.milliseconds(), words);
                                done.countDown();
                            }
                        });
        ssc.start();
        done.await();
        ssc.stop(false);
        Protocol.emit(Protocol.RESULT, "done", true);
    }

    @Override
    public void socketWordCount(Params p) throws Exception {
        StreamingContext ssc =
                new StreamingContext(
                        MASTER,
                        "socket-word-count",
                        Durations.milliseconds(p.longValue("batchMs")));
        wordCounts(ssc.socketTextStream("127.0.0.1", p.intValue("port")))
                .foreachRDD(
                        (batch, time) -> Reporter.batch(time.milliseconds(), sumOfCounts(batch)));
        ssc.start();
        ssc.awaitTermination();
    }

    @Override
    public void hashtags(Params p) throws Exception {
        StreamingContext ssc =
                new StreamingContext(
                        MASTER,
                        "trending-hashtags",
                        Durations.milliseconds(p.longValue("batchMs")));
        ssc.checkpoint(p.get("checkpointDir"));
        PairDStream<String, Long> counts =
                ssc.socketTextStream("127.0.0.1", p.intValue("port"))
                        .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
                        .filter(word -> word.startsWith("#"))
                        .mapToPair(tag -> new Tuple2<>(tag, 1L))
                        .reduceByKeyAndWindow(
                                Long::sum,
                                (a, b) -> a - b,
                                Durations.milliseconds(p.longValue("windowMs")),
                                Durations.milliseconds(p.longValue("slideMs")));
        Comparator<Tuple2<String, Long>> byCount = Comparator.comparing(Tuple2::_2);
        counts.foreachRDD(
                (batch, time) -> {
                    List<Tuple2<String, Long>> top = batch.top(10, byCount);
                    Reporter.batch(time.milliseconds(), sumOfCounts(batch), format(top));
                });
        ssc.start();
        ssc.awaitTermination();
    }

    @Override
    public void latency(Params p) throws Exception {
        StreamingContext ssc =
                new StreamingContext(
                        MASTER, "latency", Durations.milliseconds(p.longValue("batchMs")));
        wordCounts(ssc.socketTextStream("127.0.0.1", p.intValue("port")))
                .foreachRDD(
                        (batch, time) -> {
                            List<String> marks = new ArrayList<>();
                            for (Tuple2<String, Long> t :
                                    batch.filter(t -> t._1().startsWith(Kernel.MARKER_PREFIX))
                                            .collect()) {
                                marks.add(t._1());
                            }
                            Reporter.marks(time.milliseconds(), marks);
                        });
        ssc.start();
        ssc.awaitTermination();
    }

    static String format(List<Tuple2<String, Long>> top) {
        StringBuilder sb = new StringBuilder();
        for (Tuple2<String, Long> t : top) {
            sb.append(sb.length() == 0 ? "" : ",").append(t._1()).append(':').append(t._2());
        }
        return sb.toString();
    }
}
