package dev.ember.engine.internal.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.RandomAccess;

/** {@code queueStream}: polls the user's queue at each batch time. */
public final class QueueReader implements InputReader {
    private final Queue<? extends Collection<?>> queue;
    private final boolean oneAtATime;

    public QueueReader(Queue<? extends Collection<?>> queue, boolean oneAtATime) {
        this.queue = queue;
        this.oneAtATime = oneAtATime;
    }

    @Override
    public void start() {}

    @Override
    public List<List<?>> cut() {
        List<List<?>> blocks = new ArrayList<>();
        // Users may add from other threads with a plain queue; holding its monitor makes the
        // common synchronized-wrapper and single-writer cases safe.
        synchronized (queue) {
            Collection<?> c;
            while ((c = queue.poll()) != null) {
                blocks.add(
                        c instanceof List<?> l && c instanceof RandomAccess
                                ? l
                                : new ArrayList<>(c));
                if (oneAtATime) {
                    break;
                }
            }
        }
        return blocks;
    }

    @Override
    public void stop() {}
}
