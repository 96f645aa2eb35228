package dev.ember.spi;

import dev.ember.streaming.Clock;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * What a runner needs besides the graph.
 *
 * @param master where to run: {@code local}, {@code local[N]}, {@code local[*]} or a cluster URL
 * @param clock the source of time; a {@link SteppedClock} means batches run on the thread that
 *     advances it
 * @param out where {@code print()} writes
 * @param onTermination called once when the graph stops, with the failure or {@code null}
 */
public record RunSettings(
        String master, Clock clock, PrintStream out, Consumer<Throwable> onTermination) {}
