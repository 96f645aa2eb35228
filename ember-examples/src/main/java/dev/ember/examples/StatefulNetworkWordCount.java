package dev.ember.examples;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.MapWithStateDStream;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.State;
import dev.ember.streaming.StateSpec;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function3;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Counts words cumulatively in UTF-8 text received from the network every second, starting with an
 * initial count for "hello" and "world": Spark's {@code JavaStatefulNetworkWordCount}, kept as
 * close to the original as possible. Each word occurrence prints the word with its running total.
 *
 * <p>Usage: {@code StatefulNetworkWordCount <hostname> <port>}, where {@code <hostname>} and {@code
 * <port>} describe the TCP server this program connects to for text data.
 *
 * <p>To run it on your machine, first start a server with {@code nc -lk 9999}, then run this
 * program with arguments {@code localhost 9999} and type lines into {@code nc}. The checkpoint
 * directory is the working directory, as in Spark's example; Ember does not write checkpoints there
 * yet.
 */
public final class StatefulNetworkWordCount {
    private static final Pattern SPACE = Pattern.compile(" ");

    /** The counts that the state starts from, as in Spark's example. */
    public static final List<Tuple2<String, Integer>> INITIAL_COUNTS =
            List.of(new Tuple2<>("hello", 1), new Tuple2<>("world", 1));

    private StatefulNetworkWordCount() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: StatefulNetworkWordCount <hostname> <port>");
            System.exit(1);
        }

        // Create the context with a 1 second batch size
        StreamingContext ssc =
                new StreamingContext("local[2]", "StatefulNetworkWordCount", Durations.seconds(1));
        // Spark's example checkpoints into "."; Ember resumes from its directory at the next start,
        // so it gets one of its own.
        ssc.checkpoint("checkpoint-StatefulNetworkWordCount");

        DStream<String> lines = ssc.socketTextStream(args[0], Integer.parseInt(args[1]));

        // DStream made of get cumulative counts that get updated in every batch
        MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>> stateDstream =
                runningCounts(lines);

        stateDstream.print();
        ssc.start();
        ssc.awaitTermination();
    }

    /**
     * The running count of each word of {@code lines}, emitted once per occurrence, starting from
     * {@link #INITIAL_COUNTS}: the pipeline of {@link #main}, so that tests run the same code. The
     * stream's context needs a checkpoint directory.
     */
    public static MapWithStateDStream<String, Integer, Integer, Tuple2<String, Integer>>
            runningCounts(DStream<String> lines) {
        DStream<String> words = lines.flatMap(x -> Arrays.asList(SPACE.split(x)).iterator());

        PairDStream<String, Integer> wordsDstream = words.mapToPair(s -> new Tuple2<>(s, 1));

        // Update the cumulative count function
        Function3<String, Optional<Integer>, State<Integer>, Tuple2<String, Integer>> mappingFunc =
                (word, one, state) -> {
                    int sum = one.orElse(0) + (state.exists() ? state.get() : 0);
                    Tuple2<String, Integer> output = new Tuple2<>(word, sum);
                    state.update(sum);
                    return output;
                };

        return wordsDstream.mapWithState(
                StateSpec.function(mappingFunc).initialState(INITIAL_COUNTS));
    }
}
