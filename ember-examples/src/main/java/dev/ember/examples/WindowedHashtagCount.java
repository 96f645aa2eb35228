package dev.ember.examples;

import dev.ember.streaming.Batch;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The tutorial's trending hashtags, as a plain DStream program: 10 s batches, a 20 s window sliding
 * every batch, a checkpoint directory, hashtags filtered, lower-cased and counted, and the ten most
 * frequent printed for every window.
 *
 * <p>Usage: {@code WindowedHashtagCount <hostname> <port> [checkpoint-directory]}, reading posts as
 * lines of text from a TCP server, such as the tweet listener of the tutorial or {@code nc -lk
 * 5555}.
 */
public final class WindowedHashtagCount {

    private WindowedHashtagCount() {}

    /** Runs the job against the server named by the arguments until stopped. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "Usage: WindowedHashtagCount <hostname> <port> [checkpoint-directory]");
            System.exit(1);
        }
        StreamingContext ssc =
                new StreamingContext("local[2]", "WindowedHashtagCount", Durations.seconds(10));
        ssc.checkpoint(args.length > 2 ? args[2] : "checkpoint_TwitterApp");

        DStream<String> lines = ssc.socketTextStream(args[0], Integer.parseInt(args[1]));
        hashtagCounts(lines.window(Durations.seconds(20)))
                .foreachRDD((counts, time) -> System.out.print(format(top10(counts), time)));

        ssc.start();
        ssc.awaitTermination();
    }

    /** Each hashtag of {@code lines}, lower-cased, with the number of times it occurs per batch. */
    public static PairDStream<String, Integer> hashtagCounts(DStream<String> lines) {
        return lines.flatMap(text -> Arrays.asList(text.split(" ")).iterator())
                .filter(word -> word.startsWith("#") && word.length() > 1)
                .mapToPair(word -> new Tuple2<>(word.toLowerCase(Locale.ROOT), 1))
                .reduceByKey((a, b) -> a + b);
    }

    /** The ten most frequent hashtags of a batch, most frequent first, ties by name. */
    public static List<Tuple2<String, Integer>> top10(Batch<Tuple2<String, Integer>> counts) {
        return counts.top(
                10, (a, b) -> a._2().equals(b._2()) ? b._1().compareTo(a._1()) : a._2() - b._2());
    }

    /** A small table of the top hashtags for one window, as the tutorial's chart shows them. */
    public static String format(List<Tuple2<String, Integer>> top, Time time) {
        StringBuilder sb = new StringBuilder();
        sb.append("Top hashtags, window ending ").append(time).append('\n');
        for (Tuple2<String, Integer> t : top) {
            sb.append(String.format(Locale.ROOT, "%-24s %6d%n", t._1(), t._2()));
        }
        return sb.append('\n').toString();
    }
}
