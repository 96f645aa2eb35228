package dev.ember.cli.internal;

import dev.ember.sql.ReadOnlySql;
import dev.ember.streaming.DStream;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.streaming.scheduler.StreamingListener;
import dev.ember.streaming.scheduler.StreamingListenerStreamingStarted;
import dev.ember.ui.EmberUi;
import dev.ember.ui.UiOptions;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Starts the live dashboard of a command's job as its {@link DashboardOptions} say, and prints
 * where it is once the job has started: the one call every job makes between defining its pipeline
 * and starting it.
 *
 * <p>A dashboard that listens beyond loopback without {@code --ui-token} gets a generated token,
 * printed in its address. With {@code --no-ui} nothing starts and {@link #close()} does nothing.
 */
final class JobDashboard implements AutoCloseable {
    private final EmberUi ui;

    private JobDashboard(EmberUi ui) {
        this.ui = ui;
    }

    /**
     * Starts the dashboard of {@code ssc}, whose chart follows {@code counts}.
     *
     * @param command the command's name, as messages start
     * @param top how many bars the chart shows, such as the job's {@code --top}
     * @param title the chart's title, such as {@code Top hashtags}
     * @param sql the job's read-only SQL for the SQL page, or {@code null} when it has none
     * @param err where the address is printed
     * @throws IllegalArgumentException when the host does not resolve (which {@link
     *     DashboardOptions#validate()} has checked)
     * @throws IllegalStateException when no port could be bound
     */
    static JobDashboard start(
            DashboardOptions options,
            String command,
            StreamingContext ssc,
            DStream<? extends Tuple2<?, ? extends Number>> counts,
            int top,
            String title,
            ReadOnlySql sql,
            PrintWriter err) {
        if (options.disabled) {
            return new JobDashboard(null);
        }
        String token = options.token;
        boolean generated = false;
        if (token == null && !isLoopback(options.host)) {
            token = EmberUi.newToken();
            generated = true;
        }
        UiOptions.Builder builder =
                UiOptions.builder()
                        .host(options.host)
                        .port(options.port)
                        .topN(counts, top)
                        .topTitle(title);
        if (token != null) {
            builder.token(token);
        }
        if (sql != null) {
            builder.sql(sql);
        }
        EmberUi ui = EmberUi.start(ssc, builder.build());
        String address = "ember " + command + ": dashboard at " + ui.url();
        String why =
                generated
                        ? "ember "
                                + command
                                + ": the dashboard listens on "
                                + options.host
                                + ", beyond this machine, so it needs the token in that address"
                                + " (generated now; set one with --ui-token or $"
                                + DashboardOptions.TOKEN_VARIABLE
                                + ")"
                        : null;
        // Printed once the job runs, so that a job that cannot start shows only its failure.
        ssc.addStreamingListener(
                new StreamingListener() {
                    @Override
                    public void onStreamingStarted(StreamingListenerStreamingStarted started) {
                        err.println(address);
                        if (why != null) {
                            err.println(why);
                        }
                        err.flush();
                    }
                });
        return new JobDashboard(ui);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "--ui-host '"
                            + host
                            + "' does not resolve; use 127.0.0.1, or an address of this machine",
                    e);
        }
    }

    @Override
    public void close() {
        if (ui != null) {
            ui.close();
        }
    }
}
