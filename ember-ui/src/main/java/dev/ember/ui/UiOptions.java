package dev.ember.ui;

import dev.ember.sql.ReadOnlySql;
import dev.ember.streaming.DStream;
import dev.ember.streaming.Tuple2;
import java.util.Objects;

/**
 * Settings of a dashboard started with {@link EmberUi#start}: where it listens, who may read it,
 * and what its pages show. Made with {@link #builder()}; every setting may be set once.
 *
 * <pre>{@code
 * EmberUi ui = EmberUi.start(ssc, UiOptions.builder()
 *         .topN(hashtagCounts, 10)      // the chart follows this stream's windows
 *         .sql(sqlContext.readOnly())   // the SQL page queries the program's views
 *         .build());
 * }</pre>
 *
 * <p>Defaults: host {@code 127.0.0.1}, port {@value #DEFAULT_PORT} (Spark's UI port; the next free
 * one when it is taken), no token, no top-N stream, no SQL, {@value #DEFAULT_HISTORY_BYTES} bytes
 * of history.
 */
public final class UiOptions {
    /** The default port, Spark's UI port. */
    public static final int DEFAULT_PORT = 4040;

    /** The default memory budget of the batches and windows the dashboard keeps, in bytes. */
    public static final long DEFAULT_HISTORY_BYTES = 4L << 20;

    /** The default number of bars of the top-N chart. */
    public static final int DEFAULT_TOP = 10;

    private final String host;
    private final int port;
    private final String token;
    private final DStream<? extends Tuple2<?, ? extends Number>> topStream;
    private final int top;
    private final String topTitle;
    private final ReadOnlySql sql;
    private final long historyBytes;

    private UiOptions(Builder b) {
        this.host = b.host == null ? "127.0.0.1" : b.host;
        this.port = b.port == null ? DEFAULT_PORT : b.port;
        this.token = b.token;
        this.topStream = b.topStream;
        this.top = b.top == null ? DEFAULT_TOP : b.top;
        this.topTitle = b.topTitle == null ? "Top " + this.top : b.topTitle;
        this.sql = b.sql;
        this.historyBytes = b.historyBytes == null ? DEFAULT_HISTORY_BYTES : b.historyBytes;
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address to listen on. */
    public String host() {
        return host;
    }

    /** The first port to try; 0 for any free port. */
    public int port() {
        return port;
    }

    /** The token every request must carry, or {@code null} for none. */
    public String token() {
        return token;
    }

    /** The stream of counts whose batches the top-N chart shows, or {@code null}. */
    public DStream<? extends Tuple2<?, ? extends Number>> topStream() {
        return topStream;
    }

    /** How many bars the top-N chart shows. */
    public int top() {
        return top;
    }

    /** The top-N chart's title. */
    public String topTitle() {
        return topTitle;
    }

    /** The read-only queries of the SQL page and {@code /api/sql}, or {@code null} for none. */
    public ReadOnlySql sql() {
        return sql;
    }

    /** The memory budget of the batches and windows kept for the pages, in bytes. */
    public long historyBytes() {
        return historyBytes;
    }

    @Override
    public String toString() {
        return "UiOptions[host="
                + host
                + ", port="
                + port
                + ", token="
                + (token == null ? "none" : "set")
                + ", top="
                + (topStream == null ? "none" : top + " of " + topStream.name())
                + ", sql="
                + (sql == null ? "none" : "read-only")
                + ", historyBytes="
                + historyBytes
                + "]";
    }

    /** Collects the settings of a {@link UiOptions}; each may be set once. */
    public static final class Builder {
        private String host;
        private Integer port;
        private String token;
        private DStream<? extends Tuple2<?, ? extends Number>> topStream;
        private Integer top;
        private String topTitle;
        private ReadOnlySql sql;
        private Long historyBytes;

        private Builder() {}

        /**
         * The address to listen on, {@code 127.0.0.1} by default. Any other address (such as {@code
         * 0.0.0.0}) needs a {@link #token(String) token}: without one, {@link EmberUi#start}
         * refuses to start.
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            requireUnset("host", this.host);
            if (host.isBlank()) {
                throw new IllegalArgumentException(
                        "dashboard host must not be blank; use 127.0.0.1 (this machine only) or an"
                                + " address of this machine");
            }
            this.host = host;
            return this;
        }

        /**
         * The port to listen on, {@value #DEFAULT_PORT} by default; when it is taken, the next free
         * one of the {@value EmberUi#PORT_ATTEMPTS} ports from it. 0 takes any free port.
         */
        public Builder port(int port) {
            requireUnset("port", this.port);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(
                        "dashboard port must be between 0 and 65535, got "
                                + port
                                + "; use "
                                + DEFAULT_PORT
                                + ", or 0 for any free port");
            }
            this.port = port;
            return this;
        }

        /**
         * The token every request must carry: as {@code Authorization: Bearer <token>}, as the
         * query parameter {@code token} (which also sets a cookie for the pages that follow), or in
         * that cookie. At least 16 characters of letters, digits, {@code -} and {@code _}.
         */
        public Builder token(String token) {
            Objects.requireNonNull(token, "token");
            requireUnset("token", this.token == null ? null : "a token");
            if (!token.matches("[A-Za-z0-9_-]{16,256}")) {
                throw new IllegalArgumentException(
                        "dashboard token must be 16 to 256 letters, digits, '-' or '_', got one of "
                                + token.length()
                                + " characters"
                                + (token.matches("[A-Za-z0-9_-]*") ? "" : " with others")
                                + "; use a long random one, such as EmberUi.newToken()");
            }
            this.token = token;
            return this;
        }

        /**
         * The stream whose batches the top-N chart shows, one chart per batch (per window, for a
         * windowed stream): the {@code top} pairs with the largest counts, ties by key. Keys show
         * as their {@code toString()}. Registers an output operation on {@code counts} when the
         * dashboard starts, so {@link EmberUi#start} must then come before {@code ssc.start()}.
         *
         * @param top how many bars, 1 to 100
         */
        public Builder topN(DStream<? extends Tuple2<?, ? extends Number>> counts, int top) {
            Objects.requireNonNull(counts, "counts");
            requireUnset("topN", topStream == null ? null : topStream.name());
            if (top < 1 || top > 100) {
                throw new IllegalArgumentException(
                        "top-N chart of stream '"
                                + counts.name()
                                + "' must show 1 to 100 bars, got "
                                + top
                                + "; use for example "
                                + DEFAULT_TOP);
            }
            this.topStream = counts;
            this.top = top;
            return this;
        }

        /** The top-N chart's title, such as {@code Top hashtags}; {@code Top <n>} by default. */
        public Builder topTitle(String title) {
            Objects.requireNonNull(title, "title");
            requireUnset("topTitle", topTitle);
            this.topTitle = title;
            return this;
        }

        /**
         * The queries of the SQL page and {@code /api/sql}: only through read-only mode, with its
         * time and row limits, such as {@code sqlContext.readOnly()}. Without it, the SQL page says
         * that the program serves no SQL.
         */
        public Builder sql(ReadOnlySql sql) {
            Objects.requireNonNull(sql, "sql");
            requireUnset("sql", this.sql == null ? null : "a read-only SQL context");
            this.sql = sql;
            return this;
        }

        /**
         * The memory budget of the past batches and windows the pages show, in bytes (half for
         * each); the oldest go first. At least 64 KiB.
         */
        public Builder historyBytes(long bytes) {
            requireUnset("historyBytes", historyBytes);
            if (bytes < 64 * 1024) {
                throw new IllegalArgumentException(
                        "dashboard history must be at least 65536 bytes, got "
                                + bytes
                                + "; use for example "
                                + DEFAULT_HISTORY_BYTES);
            }
            this.historyBytes = bytes;
            return this;
        }

        /** The options. */
        public UiOptions build() {
            return new UiOptions(this);
        }

        private static void requireUnset(String setting, Object earlier) {
            if (earlier != null) {
                throw new IllegalStateException(
                        setting + " was already set to " + earlier + "; set it once");
            }
        }
    }
}
