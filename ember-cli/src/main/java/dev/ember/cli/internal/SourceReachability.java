package dev.ember.cli.internal;

import dev.ember.streaming.SourceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks, before a job starts, that a live source's server can be reached at all: its name resolves
 * and a TCP connection opens. Live sources retry a lost connection forever, which is right once
 * they ran but hides a machine without network, or a misspelt host, behind endless retries; a job
 * checks first and fails at once with one line saying which source, what failed and what to do,
 * {@code --source demo} included. Rejected tokens and unknown paths are the sources' own failures,
 * reported when they connect.
 */
final class SourceReachability {
    /** How long the TCP connection may take to open. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private SourceReachability() {}

    /**
     * Returns when {@code source}'s server accepts a TCP connection.
     *
     * @throws SourceException when its name does not resolve or no connection opens
     */
    static void check(SourceOption source) {
        URI endpoint = source.endpoint();
        String host = endpoint.getHost();
        int port = port(endpoint);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw unreachable(
                    source,
                    host,
                    port,
                    "the name does not resolve: there is no network, or no such host");
        }
        IOException last = null;
        for (InetAddress address : addresses) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw unreachable(
                source,
                host,
                port,
                "no connection: " + (last == null ? "no address" : last.getMessage()));
    }

    private static int port(URI endpoint) {
        if (endpoint.getPort() > 0) {
            return endpoint.getPort();
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "ws", "http" -> 80;
            default -> 443;
        };
    }

    private static SourceException unreachable(
            SourceOption source, String host, int port, String reason) {
        String check =
                source.kind() == SourceOption.Kind.MASTODON
                        ? "check the network connection and the instance's name"
                        : "check the network connection"
                                + (source.argument() == null ? "" : " and the address");
        return new SourceException(
                "source "
                        + source
                        + " cannot reach "
                        + host
                        + ":"
                        + port
                        + " ("
                        + reason
                        + "); "
                        + check
                        + ", or run offline with --source demo");
    }
}
