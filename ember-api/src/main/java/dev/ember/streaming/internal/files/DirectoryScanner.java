package dev.ember.streaming.internal.files;

import dev.ember.spi.SourceContext;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.function.Function;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/*
 * One listing of the watched directory per cut: which files are new and complete, which
 * remembered files changed or left.
 *
 * A new file is complete when it was moved in whole (DirectoryWatcher, after a fence), or when it
 * has been unchanged for the stable time: its modification time is that old by the context's
 * clock, or this scanner has seen the same size, modification time and inode for that long. Only
 * files that are neither get a Pending entry, so memory follows the files being written, not the
 * directory.
 *
 * Remembered files are checked for changes in turns, about CHANGE_CHECKS_PER_CUT per listing, so
 * that a cut over a directory of a million processed files does not stat them all every batch
 * (10,000 stats cost about 40 ms on a loaded 2-core machine, the listing of 100,000 names 35 ms).
 *
 * Not thread-safe: the reader's lock guards it.
 */
final class DirectoryScanner {
    private static final System.Logger LOG = System.getLogger(DirectoryScanner.class.getName());
    static final int CHANGE_CHECKS_PER_CUT = 1_000;
    // A fence passes in well under a millisecond; it times out only when inotify dropped its event.
    private static final long FENCE_TIMEOUT_MILLIS = 2_000;
    private static final boolean UNIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** A new file first seen at {@code since} in the state it still has. */
    private record Pending(FileState state, long since) {}

    /** What a listing found. */
    record Scan(List<FileState> ready, List<Long> gone, boolean listed) {
        static final Scan NOTHING = new Scan(List.of(), List.of(), false);
    }

    private final Path directory;
    private final Function<Path, Boolean> filter;
    private final SourceContext context;
    private final String input;
    private final long stableMillis;
    private final Map<String, Pending> pending = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private long listings;
    private String listingProblem;

    DirectoryScanner(
            Path directory,
            Function<Path, Boolean> filter,
            SourceContext context,
            String input,
            long stableMillis) {
        this.directory = directory;
        this.filter = filter;
        this.context = context;
        this.input = input;
        this.stableMillis = stableMillis;
    }

    /**
     * Lists the directory: returns the new complete files, oldest first (by modification time, then
     * name), at most {@code maxReady} of them, and the name hashes of the remembered files that
     * left. Reports changed and unreadable files through the context, once each.
     */
    Scan scan(long now, FileSet remembered, DirectoryWatcher watcher, int maxReady) {
        listings++;
        long eventsAtStart = watcher == null ? 0 : watcher.eventCount();
        long stride = Math.max(1, remembered.size() / CHANGE_CHECKS_PER_CUT);
        Comparator<FileState> oldestFirst =
                Comparator.comparingLong(FileState::mtimeNanos).thenComparing(FileState::name);
        PriorityQueue<FileState> ready = new PriorityQueue<>(oldestFirst.reversed());
        List<FileState> moveCandidates = new ArrayList<>();
        Set<String> listedKnown = new HashSet<>();
        Set<String> listedReported = new HashSet<>();
        Map<String, Pending> stillPending = new HashMap<>();
        remembered.beginListing();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (FileStreamReader.isHidden(name)) {
                    continue;
                }
                // The JDK decodes bytes that are not valid in the platform's encoding to U+FFFD.
                if (name.indexOf('\uFFFD') >= 0 && !directory.resolve(name).equals(entry)) {
                    reportOnce(
                            name,
                            listedReported,
                            "file name not valid in the platform's encoding",
                            "'" + name + "' in " + directory + "; rename it to take it");
                    continue;
                }
                long key = Hashing.name(name);
                int slot = remembered.find(key);
                if (slot >= 0) {
                    remembered.markSeen(slot);
                    if (!remembered.has(slot, FileSet.BASELINE)
                            && !remembered.has(slot, FileSet.REPORTED)
                            && Long.remainderUnsigned(key + listings, stride) == 0) {
                        checkUnchanged(entry, name, remembered, slot);
                    }
                    continue;
                }
                FileState state = stat(entry, name);
                if (state == null || !accepted(entry)) {
                    continue;
                }
                if (!Files.isReadable(entry)) {
                    reportOnce(
                            name,
                            listedReported,
                            "file cannot be read",
                            name
                                    + " in "
                                    + directory
                                    + " (no read permission); it is taken once readable");
                    continue;
                }
                if (watcher != null && watcher.knows(name)) {
                    listedKnown.add(name);
                }
                Pending p = pending.get(name);
                if (p == null || !p.state.equals(state)) {
                    p = new Pending(state, now);
                }
                if (stable(now, p)) {
                    offer(ready, state, maxReady, oldestFirst);
                    if (now - state.mtimeMillis() < stableMillis) {
                        // Complete by this scanner's watch alone: keep the watch while it waits.
                        stillPending.put(name, p);
                    }
                } else {
                    stillPending.put(name, p);
                    if (watcher != null && state.size() > 0 && watcher.mayHaveAppearedWhole(name)) {
                        moveCandidates.add(state);
                    }
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            remembered.abortListing();
            listingFailed(e);
            return Scan.NOTHING;
        }
        listingRecovered();
        if (!moveCandidates.isEmpty() && watcher.fence(FENCE_TIMEOUT_MILLIS)) {
            for (FileState state : moveCandidates) {
                if (watcher.appearedWhole(state.name())) {
                    offer(ready, state, maxReady, oldestFirst);
                }
            }
        }
        pending.clear();
        pending.putAll(stillPending);
        reported.retainAll(listedReported);
        if (watcher != null) {
            watcher.forgetUnlisted(listedKnown, eventsAtStart);
        }
        List<Long> gone = new ArrayList<>();
        remembered.sweep(gone::add);
        List<FileState> sorted = new ArrayList<>(ready);
        sorted.sort(oldestFirst);
        return new Scan(sorted, gone, true);
    }

    /** The stream took {@code name}: it is no longer pending. */
    void taken(String name) {
        pending.remove(name);
    }

    /**
     * Every regular file of the directory with a name the stream would take, whether or not the
     * filter accepts it: the files present at the first start of a stream of new files only.
     */
    void listBaseline(Ledger.NameSink sink) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!FileStreamReader.isHidden(name) && Files.isRegularFile(entry)) {
                    sink.accept(name);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    private boolean stable(long now, Pending p) {
        return now - p.state.mtimeMillis() >= stableMillis || now - p.since >= stableMillis;
    }

    private static void offer(
            PriorityQueue<FileState> ready, FileState state, int max, Comparator<FileState> order) {
        if (ready.size() < max) {
            ready.add(state);
        } else if (order.compare(state, ready.peek()) < 0) {
            ready.poll();
            ready.add(state);
        }
    }

    private boolean accepted(Path entry) {
        try {
            Boolean accept = filter.call(entry);
            if (accept == null) {
                throw new NullPointerException("the filter returned null");
            }
            return accept;
        } catch (Exception e) {
            throw new SourceException(
                    "The filter of "
                            + input
                            + " failed on "
                            + entry
                            + ": "
                            + e
                            + "; return false for files to leave out instead of throwing",
                    e);
        }
    }

    private void checkUnchanged(Path entry, String name, FileSet remembered, int slot) {
        FileState now = stat(entry, name);
        if (now != null && now.fingerprint() != remembered.fingerprint(slot)) {
            remembered.set(slot, FileSet.REPORTED, true);
            context.skipped(
                    "file changed after it was taken",
                    now.describe()
                            + " in "
                            + directory
                            + "; its new content is not read: write new data to a new file");
        }
    }

    /** The file's state, or null when it is not a regular file (or vanished). */
    static FileState stat(Path entry, String name) {
        try {
            if (UNIX) {
                Map<String, Object> a =
                        Files.readAttributes(entry, "unix:isRegularFile,size,lastModifiedTime,ino");
                if (!Boolean.TRUE.equals(a.get("isRegularFile"))) {
                    return null;
                }
                return new FileState(
                        name,
                        (Long) a.get("size"),
                        nanos((FileTime) a.get("lastModifiedTime")),
                        (Long) a.get("ino"));
            }
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
            return a.isRegularFile()
                    ? new FileState(name, a.size(), nanos(a.lastModifiedTime()), 0)
                    : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return null;
        }
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    private void reportOnce(String name, Set<String> listed, String reason, String sample) {
        listed.add(name);
        if (reported.add(name)) {
            context.skipped(reason, sample);
        }
    }

    private void listingFailed(Exception e) {
        Throwable cause = e instanceof DirectoryIteratorException d ? d.getCause() : e;
        String problem =
                cause instanceof NoSuchFileException
                        ? "it does not exist"
                        : cause instanceof AccessDeniedException
                                ? "permission denied"
                                : cause.toString();
        if (!problem.equals(listingProblem)) {
            listingProblem = problem;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "{0} cannot list {1} ({2}): its batches stay empty until it can; files already"
                            + " taken are still read",
                    input,
                    directory,
                    problem);
        }
    }

    private void listingRecovered() {
        if (listingProblem != null) {
            listingProblem = null;
            LOG.log(System.Logger.Level.INFO, "{0} lists {1} again", input, directory);
        }
    }
}
