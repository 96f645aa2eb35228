package dev.ember.streaming.internal.files;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/*
 * Tells a file that was moved into the directory whole from one being written in place, from the
 * directory's change events (inotify on Linux, through the JDK's WatchService).
 *
 * A rename into the directory, or a hard link, shows as one ENTRY_CREATE and nothing else; a file
 * written in place shows as ENTRY_CREATE at its open and ENTRY_MODIFY at every write (and at a
 * truncate, an fallocate or a change of its times). So a non-empty file whose only event since it
 * appeared is its creation was complete when it appeared. An empty file may be a writer's file
 * before its first write, so it never counts as moved in.
 *
 * The events arrive on the JDK's own thread, after the fact: when a listing finds a file with a
 * write already done, the write's event may not have been seen yet. fence() closes that gap. It
 * creates a file in a directory of its own, registered with the same WatchService: one inotify
 * instance queues all its events in the order they happened, so once the fence's event is seen,
 * every event of the watched directory that happened before the fence (every write behind a size
 * the listing saw) has been seen too. The JDK may hold the directory's key while it appends, so the
 * watcher drains that key before it lets the fence pass.
 *
 * Lost events: when the kernel's queue overflows, everything known is forgotten and files wait
 * for their stable time instead; a fence whose event was dropped times out and fence() says no.
 * Where the watch service only polls (macOS) or is missing, no watcher is opened, and every file
 * waits for its stable time.
 *
 * Threads: one daemon thread takes the events; fence() and the queries run on the reader's
 * thread, which calls fence() before trusting what it reads.
 */
final class DirectoryWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DirectoryWatcher.class.getName());

    /** What the events said about a name since it last appeared. */
    private enum Seen {
        /** Created, moved in or linked, and not written since. */
        APPEARED,
        /** Written (or its size or times changed) since it appeared, or before. */
        WRITTEN
    }

    private record Entry(Seen seen, long event) {}

    private final Path directory;
    private final Path fenceDirectory;
    private final WatchService service;
    private final WatchKey directoryKey;
    private final WatchKey fenceKey;
    private final Thread thread;
    private final ConcurrentHashMap<String, Entry> names = new ConcurrentHashMap<>();
    private final Object fences = new Object();
    private long fencesRequested;
    private long fencesPassed;
    private volatile long events;
    private volatile boolean broken;
    private volatile boolean closed;

    private DirectoryWatcher(Path directory, Path fenceDirectory, WatchService service)
            throws IOException {
        this.directory = directory;
        this.fenceDirectory = fenceDirectory;
        this.service = service;
        this.directoryKey =
                directory.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
        this.fenceKey = fenceDirectory.register(service, StandardWatchEventKinds.ENTRY_CREATE);
        this.thread = new Thread(this::run, "ember-files-watcher-" + directory.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * A watcher of {@code directory}, or null where change events cannot tell a move (any system
     * but Linux) or cannot be had (out of inotify instances); then files wait for their stable
     * time.
     */
    static DirectoryWatcher open(Path directory) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Not watching {0} for atomic moves on {1}: files wait for the stable time",
                    directory,
                    os);
            return null;
        }
        Path fence = null;
        WatchService service = null;
        try {
            fence = Files.createTempDirectory("ember-files-fence-");
            service = FileSystems.getDefault().newWatchService();
            return new DirectoryWatcher(directory, fence, service);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Cannot watch {0} for atomic moves ({1}): every file waits for the stable"
                            + " time; on Linux, raise fs.inotify.max_user_instances if the limit"
                            + " was reached",
                    directory,
                    e.toString());
            closeQuietly(service);
            deleteQuietly(fence);
            return null;
        }
    }

    /**
     * Whether the watch still works; false once the watched directory was deleted or moved, after
     * which the reader opens a new watcher.
     */
    boolean isBroken() {
        return broken;
    }

    /** How many events were taken so far: what a listing notes at its start. */
    long eventCount() {
        return events;
    }

    /** Whether any event mentioned {@code name} since the last time it was forgotten. */
    boolean knows(String name) {
        return names.containsKey(name);
    }

    /**
     * Whether a fence may turn {@code name} into a file that was moved in: it appeared and has not
     * been written, or nothing is known of it yet.
     */
    boolean mayHaveAppearedWhole(String name) {
        Entry e = names.get(name);
        return e == null || e.seen == Seen.APPEARED;
    }

    /**
     * Whether {@code name} appeared whole: created or moved in, and not written since. Only
     * meaningful after a {@link #fence} that passed.
     */
    boolean appearedWhole(String name) {
        Entry e = names.get(name);
        return e != null && e.seen == Seen.APPEARED;
    }

    /** Forgets {@code name}, once the stream took it or no longer cares. */
    void forget(String name) {
        names.remove(name);
    }

    /**
     * Forgets every name that a listing did not meet ({@code listed} holds the names it met that
     * this watcher knew) and whose last event came before the listing began.
     */
    void forgetUnlisted(Set<String> listed, long eventsAtListingStart) {
        names.entrySet()
                .removeIf(
                        e ->
                                e.getValue().event < eventsAtListingStart
                                        && !listed.contains(e.getKey()));
    }

    /**
     * Waits until every event of the watched directory that happened before this call has been
     * taken; false when that could not be made sure of within {@code timeoutMillis}.
     */
    boolean fence(long timeoutMillis) {
        if (broken || closed) {
            return false;
        }
        long n;
        synchronized (fences) {
            n = ++fencesRequested;
        }
        Path marker = fenceDirectory.resolve(Long.toString(n));
        try {
            Files.createFile(marker);
        } catch (IOException e) {
            return false;
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            synchronized (fences) {
                while (fencesPassed < n && !broken && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    fences.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                return fencesPassed >= n;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(marker);
        }
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key = service.take();
                if (key == fenceKey) {
                    drainDirectory();
                    long passed = 0;
                    for (WatchEvent<?> event : fenceKey.pollEvents()) {
                        if (event.context() instanceof Path p) {
                            try {
                                passed = Math.max(passed, Long.parseLong(p.toString()));
                            } catch (NumberFormatException e) {
                                // Not a fence of ours.
                            }
                        }
                    }
                    if (passed > 0) {
                        synchronized (fences) {
                            fencesPassed = Math.max(fencesPassed, passed);
                            fences.notifyAll();
                        }
                    }
                } else {
                    drainDirectory();
                }
                if (!key.reset() && key == directoryKey) {
                    broken = true;
                    names.clear();
                    synchronized (fences) {
                        fences.notifyAll();
                    }
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed.
        }
    }

    private void drainDirectory() {
        for (WatchEvent<?> event : directoryKey.pollEvents()) {
            long n = ++events;
            WatchEvent.Kind<?> kind = event.kind();
            if (kind == StandardWatchEventKinds.OVERFLOW) {
                names.clear();
                continue;
            }
            String name = event.context().toString();
            if (FileStreamReader.isHidden(name)) {
                continue;
            }
            if (kind == StandardWatchEventKinds.ENTRY_CREATE) {
                names.put(name, new Entry(Seen.APPEARED, n));
            } else if (kind == StandardWatchEventKinds.ENTRY_MODIFY) {
                names.put(name, new Entry(Seen.WRITTEN, n));
            } else if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
                names.remove(name);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(service);
        synchronized (fences) {
            fences.notifyAll();
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(fenceDirectory);
    }

    @Override
    public String toString() {
        return "DirectoryWatcher[" + directory + "]";
    }

    private static void closeQuietly(WatchService service) {
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                // Nothing held beyond the descriptor, which close releases either way.
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // A fence file or directory in the temporary directory; nothing reads it.
            }
        }
    }
}
