package dev.ember.spi;

import dev.ember.streaming.Clock;
import dev.ember.streaming.scheduler.StreamingListener;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a runner needs besides the graph.
 *
 * @param master where to run: {@code local}, {@code local[N]}, {@code local[*]} or a cluster URL
 * @param clock the source of time; a {@link SteppedClock} means batches run on the thread that
 *     advances it
 * @param out where {@code print()} writes
 * @param onTermination called once when the graph stops, with the failure or {@code null}
 * @param listeners the program's streaming listeners: a live, thread-safe list that the program may
 *     change while the graph runs; the runner delivers its events to the listeners the list holds
 *     at each event
 * @param stateSerializer turns the values the program keeps in state into bytes for checkpoints
 * @param restoreFrom a snapshot of state and offsets to resume from, or {@code null} to start empty
 * @param conf the program's {@code ember.streaming.*} settings, as {@code StreamingConf} holds them
 */
public record RunSettings(
        String master,
        Clock clock,
        PrintStream out,
        Consumer<Throwable> onTermination,
        List<StreamingListener> listeners,
        StateSerializer stateSerializer,
        byte[] restoreFrom,
        Map<String, String> conf) {

    /** Copies the settings so they cannot change while the graph runs. */
    public RunSettings {
        conf = Map.copyOf(conf);
    }
}
