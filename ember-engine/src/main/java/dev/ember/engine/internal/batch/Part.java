package dev.ember.engine.internal.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One materialized partition: one or more chunks of elements (received blocks, or a task's output),
 * read in order. Immutable once built.
 */
public final class Part {
    public static final Part EMPTY = new Part(List.of());

    private final List<? extends List<?>> chunks;
    private final int size;

    private Part(List<? extends List<?>> chunks) {
        this.chunks = chunks;
        int n = 0;
        for (List<?> c : chunks) {
            n += c.size();
        }
        this.size = n;
    }

    public static Part of(List<?> elements) {
        return new Part(List.of(elements));
    }

    public static Part ofChunks(List<? extends List<?>> chunks) {
        return new Part(chunks);
    }

    public int size() {
        return size;
    }

    /** Pushes every element into {@code sink}, then signals the end of the partition. */
    public void pushTo(Sink sink) {
        for (List<?> chunk : chunks) {
            for (int i = 0, n = chunk.size(); i < n; i++) {
                sink.accept(chunk.get(i));
            }
        }
        sink.finish();
    }

    public Iterator<Object> iterator() {
        List<Object> all = new ArrayList<>(size);
        for (List<?> chunk : chunks) {
            all.addAll(chunk);
        }
        return all.iterator();
    }

    /**
     * Splits blocks into at most {@code maxParts} parts of about equal element counts, keeping
     * their order; a large block is cut into views, never copied.
     */
    public static List<Part> balance(List<? extends List<?>> blocks, int maxParts) {
        long total = 0;
        for (List<?> b : blocks) {
            total += b.size();
        }
        if (total == 0) {
            return List.of();
        }
        int parts = (int) Math.min(maxParts, total);
        long target = (total + parts - 1) / parts;
        List<Part> out = new ArrayList<>(parts);
        List<List<?>> current = new ArrayList<>();
        long room = target;
        for (List<?> block : blocks) {
            int from = 0;
            int n = block.size();
            while (from < n) {
                int take = (int) Math.min(room, n - from);
                current.add(take == n ? block : block.subList(from, from + take));
                from += take;
                room -= take;
                if (room == 0) {
                    out.add(ofChunks(current));
                    current = new ArrayList<>();
                    room = target;
                }
            }
        }
        if (!current.isEmpty()) {
            out.add(ofChunks(current));
        }
        return out;
    }
}
