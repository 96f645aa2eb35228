package dev.ember.cli.internal;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The streaming side of the tutorial's second terminal, for process tests: reads lines from {@code
 * host:port} with {@code socketTextStream} and prints every line of every 200 ms batch. Stops
 * gracefully, so every line received is printed, when its standard input closes.
 */
public final class PrintLinesJob {
    private PrintLinesJob() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        StreamingContext ssc =
                new StreamingContext("local[2]", "PrintLinesJob", Durations.milliseconds(200));
        ssc.socketTextStream(args[0], Integer.parseInt(args[1]))
                .foreachRDD(batch -> batch.collect().forEach(out::println));
        ssc.start();
        while (System.in.read() >= 0) {
            // Runs until the test closes standard input.
        }
        ssc.stop(true);
        out.flush();
    }
}
