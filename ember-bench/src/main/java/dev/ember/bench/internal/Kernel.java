package dev.ember.bench.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hand-written single-pass baseline: what the machine can do on the same bytes without an
 * engine. Bytes are tokenised once, in place; each token is counted in a {@link ByteTable} with a
 * hash computed during the scan. No String, no Tuple2, no boxing.
 *
 * <p>The socket jobs keep the streaming semantics the engines have: the data received during {@code
 * (t - interval, t]} is the batch at {@code t}, reported at {@code t}; the hashtag job keeps one
 * count array per batch and updates its window by adding the newest batch and subtracting the one
 * that leaves (the inverse reduce).
 */
final class Kernel implements Jobs {
    static final String MARKER_PREFIX = "__ts";
    private static final int MODE_WORDS = 0;
    private static final int MODE_HASHTAGS = 1;
    private static final int MODE_LATENCY = 2;

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long SPACES = ' ' * ONES;
    private static final long NEWLINES = '\n' * ONES;

    /**
     * Counts the tokens of {@code buf[from, to)}, which holds whole lines, into {@code table};
     * returns the number of tokens.
     */
    static long countWords(byte[] buf, int from, int to, ByteTable table) {
        return scan(buf, from, to, table, MODE_WORDS, null);
    }

    /**
     * The tokeniser: reads 8 bytes at a time, finds the first space or newline among them with SWAR
     * arithmetic, and hands a token of up to 8 bytes to the table as one long. Longer tokens and
     * the last few bytes take the byte-by-byte path, which hashes identically.
     *
     * @param mode {@code MODE_WORDS}: count every token; {@code MODE_HASHTAGS}: only tokens
     *     starting with {@code #}; {@code MODE_LATENCY}: every token, but markers go to {@code
     *     markers} instead
     */
    static long scan(
            byte[] buf, int from, int to, ByteTable table, int mode, List<String> markers) {
        long n = 0;
        int p = from;
        int safe = to - 8;
        while (p <= safe) {
            long w = (long) LONGS.get(buf, p);
            long spaces = w ^ SPACES;
            long newlines = w ^ NEWLINES;
            long found =
                    ((spaces - ONES) & ~spaces & HIGHS) | ((newlines - ONES) & ~newlines & HIGHS);
            if (found != 0) {
                int len = Long.numberOfTrailingZeros(found) >>> 3;
                if (len > 0) {
                    long key = w & ((1L << (len << 3)) - 1);
                    int first = (int) (key & 0xFF);
                    if (mode == MODE_WORDS
                            || (mode == MODE_HASHTAGS ? first == '#' : first != '_')) {
                        table.addShort(key, len, buf, p, ByteTable.finish(ByteTable.mix(0, key)));
                        n++;
                    } else if (mode == MODE_LATENCY) {
                        n += slowToken(buf, p, p + len, table, mode, markers);
                    }
                }
                p += len + 1;
            } else {
                int e = p + 8;
                while (e < to && buf[e] != ' ' && buf[e] != '\n') {
                    e++;
                }
                n += slowToken(buf, p, e, table, mode, markers);
                p = e + 1;
            }
        }
        int start = p;
        for (int i = p; i < to; i++) {
            if (buf[i] == ' ' || buf[i] == '\n') {
                if (i > start) {
                    n += slowToken(buf, start, i, table, mode, markers);
                }
                start = i + 1;
            }
        }
        return n;
    }

    private static int slowToken(
            byte[] buf, int from, int to, ByteTable table, int mode, List<String> markers) {
        if (mode == MODE_HASHTAGS && buf[from] != '#') {
            return 0;
        }
        if (mode == MODE_LATENCY && buf[from] == '_' && isMarker(buf, from, to)) {
            markers.add(new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
            return 0;
        }
        table.add(buf, from, to, ByteTable.hash(buf, from, to), 1);
        return 1;
    }

    private static boolean isMarker(byte[] buf, int from, int to) {
        int n = MARKER_PREFIX.length();
        if (to - from <= n) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (buf[from + k] != MARKER_PREFIX.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void memWordCount(Params p) throws Exception {
        int threads = p.intValue("threads", 1);
        MemData data = MemData.of(p);
        byte[][] batches = new byte[data.distinct()][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = data.corpus(b).bytes();
        }
        ByteTable[] tables = new ByteTable[threads];
        for (int i = 0; i < threads; i++) {
            tables[i] = new ByteTable(1 << 16);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads - 1));
        try {
            for (int i = 0; i < data.batches(); i++) {
                byte[] bytes = batches[i % batches.length];
                for (ByteTable t : tables) {
                    t.clearCounts();
                }
                List<Future<?>> parts = new ArrayList<>();
                int[] cuts = cuts(bytes, threads);
                for (int k = 1; k < threads; k++) {
                    int from = cuts[k];
                    int to = cuts[k + 1];
                    ByteTable table = tables[k];
                    parts.add(pool.submit(() -> countWords(bytes, from, to, table)));
                }
                countWords(bytes, cuts[0], cuts[1], tables[0]);
                for (Future<?> f : parts) {
                    f.get();
                }
                for (int k = 1; k < threads; k++) {
                    tables[0].addAll(tables[k]);
                }
                Reporter.batch(i, tables[0].total());
            }
        } finally {
            pool.shutdownNow();
        }
        Protocol.emit(Protocol.RESULT, "done", true, "distinctWords", tables[0].size());
    }

    /** {@code parts + 1} cut points splitting {@code bytes} into parts at line boundaries. */
    private static int[] cuts(byte[] bytes, int parts) {
        int[] cuts = new int[parts + 1];
        for (int k = 1; k < parts; k++) {
            int c = Math.max(cuts[k - 1], (int) ((long) bytes.length * k / parts));
            while (c < bytes.length && bytes[c - 1] != '\n') {
                c++;
            }
            cuts[k] = c;
        }
        cuts[parts] = bytes.length;
        return cuts;
    }

    @Override
    public void socketWordCount(Params p) throws Exception {
        new SocketJob(p, MODE_WORDS).run();
    }

    @Override
    public void hashtags(Params p) throws Exception {
        new SocketJob(p, MODE_HASHTAGS).run();
    }

    @Override
    public void latency(Params p) throws Exception {
        new SocketJob(p, MODE_LATENCY).run();
    }

    /** One reading thread that tokenises and counts as bytes arrive. */
    private static final class SocketJob {
        private final Params params;
        private final int mode;
        private final long interval;
        private final ByteTable table = new ByteTable(1 << 16);
        private final List<String> markers = new ArrayList<>();
        private final int windowBatches;
        private final long slide;
        private final int[][] ringIds;
        private final long[][] ringCounts;
        private long[] window = new long[1024];

        SocketJob(Params p, int mode) {
            this.params = p;
            this.mode = mode;
            this.interval = p.longValue("batchMs");
            this.windowBatches = (int) (p.longValue("windowMs", interval) / interval);
            this.slide = p.longValue("slideMs", interval);
            this.ringIds = new int[windowBatches][];
            this.ringCounts = new long[windowBatches][];
        }

        void run() throws IOException {
            SocketChannel channel =
                    SocketChannel.open(new InetSocketAddress("127.0.0.1", params.intValue("port")));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            byte[] buf = buffer.array();
            long next = (System.currentTimeMillis() / interval + 1) * interval;
            while (true) {
                long now = System.currentTimeMillis();
                if (now >= next) {
                    endBatch(next);
                    next += interval;
                    continue;
                }
                selector.select(Math.max(1, next - now));
                selector.selectedKeys().clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    return;
                }
                int filled = buffer.position();
                int end = filled;
                while (end > 0 && buf[end - 1] != '\n') {
                    end--;
                }
                if (end == 0) {
                    if (filled == buf.length) {
                        throw new IOException("a line longer than 1 MiB arrived");
                    }
                    continue;
                }
                Kernel.scan(buf, 0, end, table, mode, markers);
                System.arraycopy(buf, end, buf, 0, filled - end);
                buffer.position(filled - end);
            }
        }

        private void endBatch(long t) {
            switch (mode) {
                case MODE_WORDS -> Reporter.batch(t, table.total());
                case MODE_LATENCY -> {
                    Reporter.marks(t, markers);
                    markers.clear();
                }
                default -> windowStep(t);
            }
            table.clearCounts();
        }

        private void windowStep(long t) {
            int slot = (int) ((t / interval) % windowBatches);
            int[] oldIds = ringIds[slot];
            if (oldIds != null) {
                long[] oldCounts = ringCounts[slot];
                for (int i = 0; i < oldIds.length; i++) {
                    window[oldIds[i]] -= oldCounts[i];
                }
            }
            int n = table.touchedCount();
            int[] ids = new int[n];
            long[] counts = new long[n];
            if (window.length < table.size()) {
                window = Arrays.copyOf(window, Math.max(table.size(), window.length * 2));
            }
            for (int i = 0; i < n; i++) {
                int id = table.touchedId(i);
                ids[i] = id;
                counts[i] = table.count(id);
                window[id] += counts[i];
            }
            ringIds[slot] = ids;
            ringCounts[slot] = counts;
            if (t % slide != 0) {
                return;
            }
            int[] top = new int[10];
            Arrays.fill(top, -1);
            long sum = 0;
            for (int id = 0; id < table.size(); id++) {
                long c = window[id];
                sum += c;
                if (c > 0 && (top[9] < 0 || c > window[top[9]])) {
                    int k = 9;
                    while (k > 0 && (top[k - 1] < 0 || window[top[k - 1]] < c)) {
                        top[k] = top[k - 1];
                        k--;
                    }
                    top[k] = id;
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int id : top) {
                if (id >= 0) {
                    sb.append(sb.length() == 0 ? "" : ",")
                            .append(table.key(id))
                            .append(':')
                            .append(window[id]);
                }
            }
            Reporter.batch(t, sum, sb.toString());
        }
    }
}
