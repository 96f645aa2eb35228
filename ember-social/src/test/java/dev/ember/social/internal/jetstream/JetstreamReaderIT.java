package dev.ember.social.internal.jetstream;

import static dev.ember.social.internal.jetstream.JetstreamEvents.lastPostAtOrBefore;
import static dev.ember.social.internal.jetstream.JetstreamEvents.posts;
import static dev.ember.social.internal.jetstream.JetstreamEvents.stream;
import static dev.ember.social.internal.jetstream.JetstreamEvents.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.internal.ManualSourceClock;
import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.Clock;
import dev.ember.streaming.function.Function0;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader of a Bluesky stream input, driven through the source SPI as the runner drives it
 * (start, cut, read, processed, close), against a Jetstream instance on loopback.
 */
@Timeout(30)
class JetstreamReaderIT {
    private static final String SUBSCRIBE = "/subscribe?wantedCollections=app.bsky.feed.post";
    private static final long REWIND_MICROS = 5_000_000;
    private static final long AN_HOUR_MILLIS = 3_600_000;

    private final ManualSourceClock clock =
            new ManualSourceClock(JetstreamEvents.T / 1_000 + 60_000);
    private final WatchedSource.Watch watch = new WatchedSource.Watch();
    private final List<String> skipped = new CopyOnWriteArrayList<>();
    private FakeJetstreamServer server;
    private SourceReader<Post> reader;

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private CursorSource source() {
        return new WatchedSource(
                new JetstreamSource(
                        server.endpoint(),
                        OptionalLong.empty(),
                        clock,
                        () -> 1.0,
                        Duration.ofSeconds(10)),
                watch);
    }

    private SourceReader<Post> open(Function0<PostSource> factory, long bufferBytes)
            throws Exception {
        CursorSource first = (CursorSource) factory.call();
        Source<Post> source = new JetstreamPosts(factory, first, bufferBytes);
        assertEquals(Source.Replay.RESUME, source.replay());
        assertEquals("bluesky", source.identity());
        reader = source.open(context());
        return reader;
    }

    private SourceReader<Post> open() throws Exception {
        return open(this::source, 1 << 20);
    }

    private SourceContext context() {
        return new SourceContext() {
            @Override
            public String name() {
                return "sourceStream[bluesky]";
            }

            @Override
            public Clock clock() {
                return () -> 0;
            }

            @Override
            public Optional<Path> stateDirectory() {
                return Optional.empty();
            }

            @Override
            public String setting(String key) {
                return null;
            }

            @Override
            public void skipped(String reason, String sample) {
                skipped.add(reason + ": " + sample);
            }
        };
    }

    /** Waits until the reader took every post of the events up to {@code lastEvent}. */
    private void awaitEvent(int lastEvent) throws InterruptedException {
        watch.awaitHanded(time(lastPostAtOrBefore(lastEvent)));
    }

    private static List<Post> flatten(List<? extends List<? extends Post>> blocks) {
        List<Post> posts = new ArrayList<>();
        blocks.forEach(posts::addAll);
        return posts;
    }

    private static List<String> ids(List<Post> posts) {
        return posts.stream().map(Post::id).toList();
    }

    @Test
    void cutsCloseBatchesAtTheTimeOfTheirLastPostAndReadGivesTheirPosts() throws Exception {
        server = FakeJetstreamServer.startLive();
        List<String> events = stream(30);
        SourceReader<Post> reader = open();
        reader.start(null);
        server.awaitConnections(1);

        server.publish(events.subList(0, 20));
        awaitEvent(19);
        SourceReader.Cut first = reader.cut();
        SourceReader.Cut empty = reader.cut();
        server.publish(events.subList(20, 30));
        awaitEvent(29);
        SourceReader.Cut second = reader.cut();

        List<Post> firstPosts = posts(events.subList(0, 20));
        List<Post> secondPosts = posts(events.subList(20, 30));
        assertEquals(Long.toString(time(lastPostAtOrBefore(19))), first.offset());
        assertEquals(firstPosts.size(), first.records());
        assertEquals(new SourceReader.Cut(first.offset(), 0), empty);
        assertEquals(Long.toString(time(lastPostAtOrBefore(29))), second.offset());
        assertEquals(secondPosts.size(), second.records());
        assertEquals(firstPosts, flatten(reader.read(null, first.offset())));
        assertEquals(List.of(), flatten(reader.read(first.offset(), empty.offset())));
        assertEquals(secondPosts, flatten(reader.read(first.offset(), second.offset())));

        reader.processed(first.offset());

        assertEquals(secondPosts, flatten(reader.read(null, second.offset())));
        assertEquals(List.of(SUBSCRIBE), server.requests(), "a live tail, without a cursor");
    }

    @Test
    void closeEndsTheConnectionAndLeavesWhatWasReceivedToTheNextCut() throws Exception {
        server = FakeJetstreamServer.startLive();
        List<String> events = stream(30);
        SourceReader<Post> reader = open();
        reader.start(null);
        server.awaitConnections(1);
        server.publish(events.subList(0, 20));
        awaitEvent(19);

        reader.close();
        server.awaitLive(0);
        server.publish(events.subList(20, 30));
        SourceReader.Cut last = reader.cut();
        SourceReader.Cut after = reader.cut();

        assertEquals(posts(events.subList(0, 20)), flatten(reader.read(null, last.offset())));
        assertEquals(new SourceReader.Cut(last.offset(), 0), after, "nothing after the close");
    }

    @Test
    void startAfterAnOffsetConnectsFiveSecondsEarlierAndDropsWhatIsAtOrBeforeIt() throws Exception {
        List<String> events = stream(100);
        server = FakeJetstreamServer.start(events);
        long after = time(lastPostAtOrBefore(59));
        SourceReader<Post> reader = open();

        reader.start(Long.toString(after));
        awaitEvent(99);
        SourceReader.Cut cut = reader.cut();

        List<Post> expected = posts(events.subList(lastPostAtOrBefore(59) + 1, 100));
        assertEquals(expected, flatten(reader.read(Long.toString(after), cut.offset())));
        assertEquals(List.of(SUBSCRIBE + "&cursor=" + (after - REWIND_MICROS)), server.requests());
    }

    @Test
    void reconnectsMidStreamWithoutRepeatingOrLosingAPost() throws Exception {
        List<String> events = stream(100);
        server = FakeJetstreamServer.start(events);
        server.then(new FakeJetstreamServer.SendThenClose(30));
        SourceReader<Post> reader = open();

        reader.start(null);
        awaitEvent(99);
        SourceReader.Cut cut = reader.cut();

        assertEquals(ids(posts(events)), ids(flatten(reader.read(null, cut.offset()))));
        assertEquals(
                List.of(SUBSCRIBE, SUBSCRIBE + "&cursor=" + (time(29) - REWIND_MICROS)),
                server.requests());
        assertEquals(List.of(Duration.ofSeconds(1)), clock.waits());
    }

    @Test
    void aCursorOlderThanTheReplayWindowGoesOnFromTheLiveStreamAndSaysSo() throws Exception {
        server = FakeJetstreamServer.startLive();
        List<String> events = stream(60);
        server.publish(events.subList(0, 50));
        clock.advance(Duration.ofMillis(37 * AN_HOUR_MILLIS));
        SourceReader<Post> reader = open();
        long after = time(lastPostAtOrBefore(10));

        String log =
                capturingErrors(
                        () -> {
                            reader.start(Long.toString(after));
                            server.awaitConnections(1);
                        });
        server.publish(events.subList(50, 60));
        awaitEvent(59);
        SourceReader.Cut cut = reader.cut();

        assertEquals(List.of(SUBSCRIBE), server.requests(), "no cursor: the live stream");
        assertEquals(
                posts(events.subList(50, 60)),
                flatten(reader.read(Long.toString(after), cut.offset())));
        assertTrue(
                log.contains(
                        "cursor "
                                + after
                                + " (2026-05-25T14:23:30Z) is older than Jetstream's replay"
                                + " window of 36 h, so the posts since then cannot be read"
                                + " again; going on from the live stream"),
                log);
    }

    @Test
    void aCursorWithinTheReplayWindowIsResumed() throws Exception {
        server = FakeJetstreamServer.startLive();
        List<String> events = stream(60);
        server.publish(events.subList(0, 50));
        clock.advance(Duration.ofMillis(35 * AN_HOUR_MILLIS));
        SourceReader<Post> reader = open();
        long after = time(lastPostAtOrBefore(30));

        reader.start(Long.toString(after));
        awaitEvent(49);
        SourceReader.Cut cut = reader.cut();

        assertEquals(List.of(SUBSCRIBE + "&cursor=" + (after - REWIND_MICROS)), server.requests());
        assertEquals(
                posts(events.subList(lastPostAtOrBefore(30) + 1, 50)),
                flatten(reader.read(Long.toString(after), cut.offset())));
    }

    @Test
    void holdsPostsUpToItsBoundInBytesUntilTheirBatchHasBeenProcessed() throws Exception {
        List<String> events = stream(100);
        List<Post> all = posts(events);
        server = FakeJetstreamServer.start(events);
        long bound = 0;
        for (int i = 0; i < 6; i++) {
            bound += JetstreamReader.bytes(all.get(i));
        }
        SourceReader<Post> reader = open(this::source, bound);

        reader.start(null);
        long fitting = fitting(all, 0, bound);
        watch.awaitHanded(timeOf(all.get((int) fitting - 1)));
        SourceReader.Cut first = reader.cut();
        SourceReader.Cut held = reader.cut();
        reader.processed(first.offset());
        long next = fitting(all, (int) fitting, bound);
        watch.awaitHanded(timeOf(all.get((int) (fitting + next) - 1)));
        SourceReader.Cut second = reader.cut();

        assertEquals(6, fitting);
        assertEquals(fitting, first.records());
        assertEquals(new SourceReader.Cut(first.offset(), 0), held, "nothing more while full");
        assertEquals(next, second.records());
        assertEquals(
                all.subList(6, 6 + (int) next),
                flatten(reader.read(first.offset(), second.offset())));
    }

    /** How many posts from {@code from} on fit in {@code bound} bytes (at least one). */
    private static long fitting(List<Post> posts, int from, long bound) {
        long bytes = 0;
        int n = 0;
        while (from + n < posts.size()) {
            long b = JetstreamReader.bytes(posts.get(from + n));
            if (n > 0 && bytes + b > bound) {
                break;
            }
            bytes += b;
            n++;
        }
        return n;
    }

    private static long timeOf(Post post) {
        String rkey = post.id().substring(post.id().lastIndexOf("/post") + 5);
        return time(Integer.parseInt(rkey));
    }

    @Test
    void skipsAndCountsAPostWithoutATime() throws Exception {
        List<String> events = new ArrayList<>(stream(10));
        events.add(
                5,
                events.get(0)
                        .replace("\"time_us\":" + time(0) + ",", "")
                        .replace("post0", "untimed"));
        server = FakeJetstreamServer.start(events);
        SourceReader<Post> reader = open();

        reader.start(null);
        awaitEvent(9);
        SourceReader.Cut cut = reader.cut();

        assertEquals(posts(stream(10)), flatten(reader.read(null, cut.offset())));
        assertEquals(
                List.of(
                        "post without time_us, which is its offset:"
                                + " at://did:plc:author0/app.bsky.feed.post/untimed"),
                skipped);
    }

    @Test
    void restartsAFailedSourceWithAFreshOneAfterTheLastPostTaken() throws Exception {
        List<String> events = stream(60);
        server = FakeJetstreamServer.start(events);
        AtomicInteger made = new AtomicInteger();
        Function0<PostSource> factory =
                () -> made.incrementAndGet() == 1 ? failingAfter(20) : source();
        SourceReader<Post> reader = open(factory, 1 << 20);

        reader.start(null);
        awaitEvent(59);
        SourceReader.Cut cut = reader.cut();

        assertEquals(ids(posts(events)), ids(flatten(reader.read(null, cut.offset()))));
        long lastTaken = time(lastPostAtOrBefore(lastEventBeforePost(20)));
        assertEquals(
                List.of(SUBSCRIBE, SUBSCRIBE + "&cursor=" + (lastTaken - REWIND_MICROS)),
                server.requests());
        assertEquals(2, made.get());
    }

    /** The index of the event that holds post number {@code n} (from 0), minus one. */
    private static int lastEventBeforePost(int n) {
        int posts = 0;
        for (int i = 0; ; i++) {
            if (JetstreamParser.parse(JetstreamEvents.event(i)).isPost()) {
                if (posts == n) {
                    return i - 1;
                }
                posts++;
            }
        }
    }

    /** A source that fails unexpectedly when it is about to hand on post number {@code n}. */
    private CursorSource failingAfter(int n) {
        CursorSource real = source();
        return new CursorSource() {
            @Override
            public void resumeAfter(long afterMicros) {
                real.resumeAfter(afterMicros);
            }

            @Override
            public void runWithCursors(CursorSink sink) throws InterruptedException {
                int[] handed = {0};
                real.runWithCursors(
                        (post, timeMicros) -> {
                            if (handed[0]++ == n) {
                                throw new IllegalStateException("synthetic failure");
                            }
                            sink.accept(post, timeMicros);
                        });
            }

            @Override
            public void run(java.util.function.Consumer<Post> sink) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String description() {
                return real.description();
            }

            @Override
            public long skippedCount() {
                return real.skippedCount();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void givesUpWhenTheFactoryReturnsTheSourceThatAlreadyRan() throws Exception {
        List<String> events = stream(60);
        server = FakeJetstreamServer.start(events);
        CursorSource once = failingAfter(5);
        SourceReader<Post> reader = open(() -> once, 1 << 20);

        String log =
                capturingErrors(
                        "returned the source that already ran",
                        () -> {
                            reader.start(null);
                        });
        SourceReader.Cut cut = reader.cut();

        assertEquals(
                ids(posts(events)).subList(0, 5), ids(flatten(reader.read(null, cut.offset()))));
        assertEquals(List.of(SUBSCRIBE), server.requests());
        assertTrue(
                log.contains(
                        "input 'sourceStream[bluesky]': the post source factory returned the source"
                                + " that already ran, so the input delivers no further posts; make"
                                + " it return a new source from each call, such as"
                                + " PostSources.bluesky().build()"),
                log);
    }

    @Test
    void refusesAnOffsetThatIsNotACursor() throws Exception {
        server = FakeJetstreamServer.startLive();
        SourceReader<Post> reader = open();

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> reader.start("17 files"));

        assertEquals(
                "offset '17 files' of input 'sourceStream[bluesky]' is not a Jetstream cursor (a"
                        + " time_us in microseconds, such as 1779719009157119), so it was not"
                        + " written by a Bluesky stream; restore this program from its own"
                        + " checkpoint",
                e.getMessage());
    }

    /** What {@code action} logs (slf4j-simple writes to the System.err of the moment). */
    private static String capturingErrors(ThrowingRunnable action) throws Exception {
        return capturingErrors("", action);
    }

    /**
     * What {@code action} and the threads it starts log, until a line holding {@code awaited} was
     * logged (10 s at most).
     */
    private static String capturingErrors(String awaited, ThrowingRunnable action)
            throws Exception {
        PrintStream original = System.err;
        LogCapture captured = new LogCapture(awaited);
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
            captured.await();
        } finally {
            System.setErr(original);
        }
        String text = captured.text();
        original.print(text);
        return text;
    }

    /** The bytes written to it, and a wait until they hold a text. */
    private static final class LogCapture extends ByteArrayOutputStream {
        private final String awaited;

        LogCapture(String awaited) {
            this.awaited = awaited;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }

        synchronized void await() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!text().contains(awaited)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "nothing logged '" + awaited + "' in 10 s:\n" + text());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
