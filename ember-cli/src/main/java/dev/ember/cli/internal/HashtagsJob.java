package dev.ember.cli.internal;

import static dev.ember.sql.SortOrder.asc;
import static dev.ember.sql.SortOrder.desc;

import dev.ember.social.Hashtags;
import dev.ember.social.KeywordFilter;
import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.social.SocialStreams;
import dev.ember.sql.DataFrame;
import dev.ember.sql.Row;
import dev.ember.sql.SqlContext;
import dev.ember.sql.StreamTable;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Duration;
import dev.ember.streaming.PairDStream;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Time;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.function.Function0;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;

/**
 * The trending-hashtags job, the tutorial's notebook as one program: the hashtags of the posts (or
 * lines) of each window, lower-cased and counted, the top N registered as a SQL view that is
 * replaced atomically every window (and appended to a DuckDB history file when asked), and every
 * window handed to listeners that print and draw it.
 *
 * <p>Pipeline: the input's batches are counted for {@link JobProgress}; posts (or lines) that match
 * {@code --track} give their hashtags ({@link Post#hashtags()}, or {@link Hashtags#extract} for a
 * line, so a post counts once per tag); the tags are counted per batch and over the window with
 * {@code reduceByKeyAndWindow}, which keeps one count map per batch instead of the window's posts;
 * {@code fromStream(counts, "tag", "count").sort(desc("count"), asc("tag")).limit(top)} replaces
 * the view; and a last output reads the view back with the notebook's {@code Select tag, count from
 * <table>} and hands that window to the listeners. Outputs run one at a time in that order on the
 * job thread, so what the listeners get is exactly what the view holds until the next window.
 *
 * <p>Stopping ({@link ContextRunner}): after {@code windows} windows, after {@code duration}, on
 * Ctrl-C, when a finite source (a replay) has ended and its last posts have left the window, or
 * when the source cannot go on, whose reason then ends the run as a {@link SourceException}.
 */
final class HashtagsJob {
    /** The application name, shown in logs and messages. */
    static final String APP_NAME = "hashtags";

    /** The columns of the view, as the notebook names them. */
    static final String TAG = "tag";

    static final String COUNT = "count";

    /** Cells of the printed table are cut to this many characters, as Spark's {@code show()}. */
    static final int SHOW_TRUNCATE = 20;

    /** One row of a window's top: a hashtag and how many posts (or lines) had it. */
    record TagCount(String tag, int count) {}

    /**
     * One emitted window.
     *
     * @param start the start of the window, exclusive
     * @param end the end of the window, inclusive: the batch time at which it was emitted
     * @param records how many posts (or lines) the window's batches held, matching or not
     * @param rows the top tags, as the view holds them
     * @param table the rows as Spark's {@code show()} prints them
     */
    record Window(Time start, Time end, long records, List<TagCount> rows, String table) {}

    /** Hears about each window, on the job thread, in order; should be quick. */
    interface WindowListener {
        void window(Window window);
    }

    /**
     * What the job reads and how it counts.
     *
     * @param source where posts or lines come from
     * @param description the source as headers name it, such as {@code demo (seed 42, 50 posts/s)}
     * @param firstSource for a post source, the instance to run first (opened by the command, so
     *     that a missing token fails before anything starts); {@code null} for a socket
     * @param sourceSettings what makes further instances of a post source, after a restart
     * @param track the keywords a post or line must mention to count; empty for all
     * @param windows how many windows to emit before stopping, or {@code null} for no limit
     * @param duration how long to run, or {@code null} for no limit
     * @param history the DuckDB file to append every window to, or {@code null}
     * @param checkpoint the checkpoint directory to keep the windows' batches and offsets in, and
     *     to resume from, or {@code null}
     */
    record Settings(
            SourceOption source,
            String description,
            PostSource firstSource,
            SourceOption.Settings sourceSettings,
            KeywordFilter track,
            Duration batch,
            Duration window,
            Duration slide,
            int top,
            String table,
            Path history,
            Path checkpoint,
            Integer windows,
            Duration duration,
            String master) {
        Settings {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(track, "track");
            Objects.requireNonNull(batch, "batch");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(slide, "slide");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(master, "master");
        }

        /** The plural name of what the source delivers. */
        String unit() {
            return source.kind().carriesLines() ? "lines" : "posts";
        }
    }

    private final Settings settings;
    private final JobProgress progress;
    private final List<WindowListener> listeners;
    private final DashboardOptions dashboard;
    private final PrintWriter err;
    private final CompletableFuture<Void> end = new CompletableFuture<>();

    // Written by the source's thread, read by the job thread.
    private volatile long sourceEndedAt = Long.MIN_VALUE;
    private volatile SqlContext sql;

    HashtagsJob(Settings settings, List<WindowListener> listeners) {
        this(settings, listeners, null, null);
    }

    /**
     * A job with a live dashboard, as {@code dashboard} says, whose address goes to {@code err}; a
     * {@code null} dashboard starts none.
     */
    HashtagsJob(
            Settings settings,
            List<WindowListener> listeners,
            DashboardOptions dashboard,
            PrintWriter err) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listeners = List.copyOf(listeners);
        this.dashboard = dashboard;
        this.err = err;
        this.progress =
                new JobProgress(
                        settings.batch(), settings.window(), settings.slide(), settings.unit());
    }

    /** The job's running counts, for a progress line; readable from any thread. */
    JobProgress progress() {
        return progress;
    }

    /**
     * The SQL context that holds the view, for queries from any thread while the job runs.
     *
     * @throws IllegalStateException when the job is not running
     */
    SqlContext sql() {
        SqlContext s = sql;
        if (s == null) {
            throw new IllegalStateException("the hashtags job is not running: its view is gone");
        }
        return s;
    }

    /**
     * Runs the job until it stops (see the class comment).
     *
     * @throws dev.ember.streaming.StreamingException when the job or its source fails
     * @throws dev.ember.sql.SqlException when the history file cannot be opened
     */
    void run(CommandLine command) throws Exception {
        StreamingContext ssc = new StreamingContext(settings.master(), APP_NAME, settings.batch());
        if (settings.checkpoint() != null) {
            ssc.checkpoint(settings.checkpoint().toString());
        }
        SqlContext.Builder builder = SqlContext.builder(ssc);
        if (settings.history() != null) {
            builder.history(settings.history());
        }
        try (SqlContext context = builder.build()) {
            PairDStream<String, Integer> counts = define(ssc, context);
            sql = context;
            try (JobDashboard ui =
                    dashboard == null
                            ? null
                            : JobDashboard.start(
                                    dashboard,
                                    APP_NAME,
                                    ssc,
                                    counts,
                                    settings.top(),
                                    "Top hashtags",
                                    context.readOnly(),
                                    err)) {
                progress.started(System.currentTimeMillis());
                ContextRunner.run(command, ssc, settings.duration(), end);
            } catch (SourceException e) {
                throw offline(e);
            }
        } finally {
            sql = null;
            PostSource first = settings.firstSource();
            if (first != null) {
                first.close();
            }
        }
    }

    /**
     * Defines the pipeline on {@code ssc}, with its view in {@code sql}; returns each window's
     * hashtag counts.
     */
    PairDStream<String, Integer> define(StreamingContext ssc, SqlContext sql) {
        KeywordFilter track = settings.track();
        JobProgress records = progress;
        DStream<String> tags;
        if (settings.source().kind().carriesLines()) {
            DStream<String> lines =
                    settings.source().kind() == SourceOption.Kind.SOCKET
                            ? ssc.socketTextStream(
                                    settings.source().socketHost(), settings.source().socketPort())
                            : ssc.textFileStream(settings.source().argument());
            lines.foreachRDD((batch, time) -> records.batchCompleted(time, batch.count()));
            DStream<String> tracked = track.isEmpty() ? lines : lines.filter(track::matches);
            tags = tracked.flatMap(line -> Hashtags.extract(line).iterator());
        } else {
            DStream<Post> posts = SocialStreams.posts(ssc, postSources());
            posts.foreachRDD((batch, time) -> records.batchCompleted(time, batch.count()));
            DStream<Post> tracked = track.isEmpty() ? posts : posts.filter(track::matches);
            tags = tracked.flatMap(post -> post.hashtags().iterator());
        }
        PairDStream<String, Integer> counts =
                tags.mapToPair(tag -> new Tuple2<>(tag, 1))
                        .reduceByKeyAndWindow(Integer::sum, settings.window(), settings.slide());
        StreamTable top =
                sql.fromStream(counts, TAG, COUNT)
                        .sort(desc(COUNT), asc(TAG))
                        .limit(settings.top());
        (settings.history() == null ? top : top.history()).registerTempTable(settings.table());
        counts.foreachRDD((batch, time) -> emit(sql, time));
        return counts;
    }

    /**
     * The sources the input runs: the command's instance first, fresh ones after restarts. A
     * Bluesky source goes as it is, so that the input resumes after its cursor from a checkpoint
     * (it reconnects by itself and never ends); the others are watched for their end and their
     * failures.
     */
    private Function0<PostSource> postSources() {
        WatchedSource.Watcher watcher =
                new WatchedSource.Watcher() {
                    @Override
                    public void sourceEnded(long nowMillis) {
                        sourceEndedAt = nowMillis;
                    }

                    @Override
                    public void sourceFailed(SourceException failure) {
                        end.completeExceptionally(offline(failure));
                    }
                };
        PostSource[] first = {settings.firstSource()};
        return () -> {
            PostSource source = first[0];
            first[0] = null;
            if (source == null) {
                source = settings.source().open(settings.sourceSettings());
            }
            return settings.source().kind() == SourceOption.Kind.BLUESKY
                    ? source
                    : new WatchedSource(source, watcher);
        };
    }

    /** The failure of a live source, with the way to run without it. */
    private SourceException offline(SourceException failure) {
        if (!settings.source().kind().isLive() || failure.getMessage().contains("--source demo")) {
            return failure;
        }
        return new SourceException(
                failure.getMessage() + "; or run offline with --source demo", failure);
    }

    private void emit(SqlContext sql, Time time) {
        Integer limit = settings.windows();
        if (limit != null && progress.windows() >= limit) {
            return;
        }
        DataFrame frame = sql.sql("Select " + TAG + ", " + COUNT + " from " + settings.table());
        List<TagCount> rows = new ArrayList<>();
        for (Row row : frame.rows()) {
            rows.add(new TagCount(row.getString(0), row.getInt(1)));
        }
        Time start = progress.windowStart(time);
        Window window =
                new Window(
                        start,
                        time,
                        progress.recordsIn(start, time),
                        List.copyOf(rows),
                        frame.showString(settings.top(), SHOW_TRUNCATE));
        for (WindowListener listener : listeners) {
            listener.window(window);
        }
        progress.windowEmitted();
        if (limit != null && progress.windows() >= limit) {
            end.complete(null);
        } else if (sourceDrained(time)) {
            end.complete(null);
        }
    }

    /**
     * True when the source has ended and the next window would hold none of its posts: it starts
     * after the batch that took the last of them.
     */
    private boolean sourceDrained(Time time) {
        long ended = sourceEndedAt;
        if (ended == Long.MIN_VALUE) {
            return false;
        }
        long batch = settings.batch().milliseconds();
        long zero = progress.zeroTime();
        long lastBatch = zero + Math.max(1, -Math.floorDiv(zero - ended, batch)) * batch;
        long nextStart =
                time.milliseconds()
                        + settings.slide().milliseconds()
                        - settings.window().milliseconds();
        return nextStart >= lastBatch;
    }
}
