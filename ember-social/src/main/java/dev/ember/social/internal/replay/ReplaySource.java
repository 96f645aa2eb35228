package dev.ember.social.internal.replay;

import dev.ember.social.Post;
import dev.ember.social.internal.Parsed;
import dev.ember.social.internal.SourceBase;
import dev.ember.social.internal.SourceClock;
import dev.ember.streaming.SourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * Posts from a JSON Lines file, at the pace they were recorded.
 *
 * Pacing: the first post with a time fixes the base (t0, and the clock reading when it is
 * emitted, start); a later post with time t is emitted at start + (t - t0) / speed, so the file's
 * own gaps are kept, scaled, and the time spent in the sink does not add up. A post whose time
 * lies before the schedule (its time goes backwards, or the sink was slow) is emitted at once;
 * a post without a time is emitted at once and does not move the base. speed 0 means as fast as
 * possible. Sleeping goes through the injected clock, so close() ends a wait at once and tests
 * assert the waits exactly.
 *
 * Input: UTF-8 (bad bytes become U+FFFD, a leading byte order mark is dropped), gzip when the
 * name ends in .gz. Blank lines and posts that the shape's parser ignores are skipped silently;
 * unparseable lines are counted and logged once per kind with their line number. run() returns
 * at the end of the file.
 */
public final class ReplaySource extends SourceBase {
    private static final Logger log = LoggerFactory.getLogger(ReplaySource.class);

    private final Path file;
    private final double speed; // 0: as fast as possible
    private final SourceClock clock;

    public ReplaySource(Path file, double speed) {
        this(file, speed, SourceClock.system());
    }

    /** For tests: injected time. */
    public ReplaySource(Path file, double speed, SourceClock clock) {
        super(
                "replay (" + shownName(file) + ", " + speedNote(speed) + ")",
                "replay (" + shownName(file) + ")",
                log);
        this.file = Objects.requireNonNull(file, "file");
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be finite and >= 0, got " + speed);
        }
        this.speed = speed;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static String shownName(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    static String speedNote(double speed) {
        if (speed == 0) {
            return "as fast as possible";
        }
        return BigDecimal.valueOf(speed).stripTrailingZeros().toPlainString() + "x";
    }

    @Override
    protected void receive(Consumer<Post> sink) throws InterruptedException {
        long posts = 0;
        try (BufferedReader reader = open()) {
            log.info("{}: replaying {}", description, file);
            long lineNumber = 0;
            long base = Parsed.NO_TIME;
            long startNanos = 0;
            String line;
            while (!closed.isClosed() && (line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                Parsed parsed = ReplayLineParser.parse(line);
                if (parsed.isMalformed()) {
                    skips.skip(parsed.problem(), "line " + lineNumber + " of " + file, line);
                    continue;
                }
                if (!parsed.isPost()) {
                    continue;
                }
                if (speed > 0 && parsed.hasTime()) {
                    if (base == Parsed.NO_TIME) {
                        base = parsed.timeMicros();
                        startNanos = clock.nanoTime();
                    } else {
                        long due = startNanos + offsetNanos(parsed.timeMicros() - base);
                        long wait = due - clock.nanoTime();
                        if (wait > 0 && !clock.sleep(Duration.ofNanos(wait), closed)) {
                            return;
                        }
                    }
                }
                if (closed.isClosed()) {
                    return;
                }
                sink.accept(parsed.post());
                posts++;
            }
            if (!closed.isClosed()) {
                log.info(
                        "{}: end of file after {} post(s), {} line(s) skipped as malformed",
                        description,
                        posts,
                        skips.count());
            }
        } catch (NoSuchFileException e) {
            throw new SourceException(
                    description + ": the file " + file + " does not exist; check the path", e);
        } catch (IOException e) {
            throw new SourceException(
                    description + ": cannot read " + file + " (" + e.getMessage() + ")", e);
        } finally {
            closed.close();
        }
    }

    private long offsetNanos(long micros) {
        double nanos = micros * 1000.0 / speed;
        double limit = Long.MAX_VALUE / 4.0; // keeps startNanos + offset from overflowing
        return (long) Math.max(-limit, Math.min(limit, nanos));
    }

    private BufferedReader open() throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            Path name = file.getFileName();
            if (name != null && name.toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 64 * 1024);
            }
            return new BufferedReader(
                    new InputStreamReader(
                            in,
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPLACE)
                                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                    64 * 1024);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
