package dev.ember.cli.internal;

import dev.ember.social.Post;
import dev.ember.social.PostJsonLines;
import dev.ember.social.PostSource;
import dev.ember.streaming.SourceException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * A source that also appends every post it delivers to a file, in Ember's JSON Lines shape, with
 * the time it was received: {@code ember relay --record FILE}, so that a live session can be
 * replayed later with {@code --source replay:FILE}.
 *
 * <p>The file is opened for appending when the source starts and closed when it ends; lines are
 * written through a buffer that is flushed every {@link #FLUSH_EVERY} posts and at the end, so a
 * crash loses at most that many.
 */
final class RecordingSource implements PostSource {
    static final int FLUSH_EVERY = 100;

    private final PostSource source;
    private final Path file;
    private final Clock clock;

    RecordingSource(PostSource source, Path file, Clock clock) {
        this.source = source;
        this.file = file;
        this.clock = clock;
    }

    @Override
    public String description() {
        return source.description() + ", recorded to " + file;
    }

    @Override
    public void run(Consumer<Post> sink) throws InterruptedException {
        Writer writer;
        try {
            writer =
                    new BufferedWriter(
                            Files.newBufferedWriter(
                                    file,
                                    StandardCharsets.UTF_8,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new SourceException(
                    "cannot write the recording to "
                            + file
                            + " ("
                            + e.getMessage()
                            + "); check that its folder exists and is writable",
                    e);
        }
        try (writer) {
            int[] unflushed = {0};
            source.run(
                    post -> {
                        try {
                            PostJsonLines.write(post, clock.instant(), writer);
                            if (++unflushed[0] == FLUSH_EVERY) {
                                writer.flush();
                                unflushed[0] = 0;
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        sink.accept(post);
                    });
        } catch (IOException | UncheckedIOException e) {
            throw new SourceException("writing the recording to " + file + " failed", e);
        }
    }

    @Override
    public long skippedCount() {
        return source.skippedCount();
    }

    @Override
    public void close() {
        source.close();
    }
}
