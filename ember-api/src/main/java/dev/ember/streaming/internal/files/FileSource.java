package dev.ember.streaming.internal.files;

import dev.ember.spi.Source;
import dev.ember.spi.SourceContext;
import dev.ember.spi.SourceReader;
import dev.ember.streaming.function.Function;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The lines of the text files that appear in a directory, as a source that can read any range it
 * reported again: what {@code StreamingContext.textFileStream} and {@code fileStream} add to a
 * program. See docs/file-streams.md.
 */
public final class FileSource implements Source<String> {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final Function<Path, Boolean> filter;
    private final boolean newFilesOnly;

    /**
     * Describes a stream of the files of {@code directory} that {@code filter} accepts.
     *
     * @param newFilesOnly leave out the files present at the first start
     * @throws IllegalArgumentException when {@code directory} is not a valid path
     */
    public FileSource(String directory, Function<Path, Boolean> filter, boolean newFilesOnly) {
        Objects.requireNonNull(directory, "directory");
        this.filter = Objects.requireNonNull(filter, "filter");
        try {
            Path.of(directory);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(
                    "directory '"
                            + directory
                            + "' of a file stream is not a valid path: "
                            + e.getMessage(),
                    e);
        }
        if (directory.isEmpty()) {
            throw new IllegalArgumentException(
                    "directory of a file stream is empty; use \".\" for the working directory");
        }
        this.directory = directory;
        this.newFilesOnly = newFilesOnly;
    }

    @Override
    public String describe() {
        return "files in " + directory + (newFilesOnly ? ", new files only" : "");
    }

    @Override
    public String identity() {
        return directory;
    }

    @Override
    public Replay replay() {
        return Replay.RANGES;
    }

    @Override
    public SourceReader<String> open(SourceContext context) {
        return new FileStreamReader(
                directory, filter, newFilesOnly, context, FileStreamReader.MAX_LINE_BYTES);
    }
}
