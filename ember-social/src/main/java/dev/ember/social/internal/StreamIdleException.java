package dev.ember.social.internal;

import java.io.IOException;
import java.time.Duration;

/**
 * Nothing arrived on a stream for longer than its idle timeout: the connection is presumed dead.
 */
public final class StreamIdleException extends IOException {
    private static final long serialVersionUID = 1L;

    public StreamIdleException(Duration idle) {
        super("nothing arrived for " + Durations.pretty(idle));
    }
}
