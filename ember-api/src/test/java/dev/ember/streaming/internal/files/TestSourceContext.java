package dev.ember.streaming.internal.files;

import dev.ember.spi.SourceContext;
import dev.ember.streaming.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A source context with a clock moved by hand, settings, and the skipped records it was told. */
final class TestSourceContext implements SourceContext {
    /** One skipped record. */
    record Skip(String reason, String sample) {}

    private final Path stateDirectory;
    private final Map<String, String> settings = new HashMap<>();
    private final List<Skip> skipped = new ArrayList<>();
    private volatile long now;

    TestSourceContext(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    TestSourceContext set(String key, String value) {
        settings.put(key, value);
        return this;
    }

    void advance(long millis) {
        now += millis;
    }

    void setTime(long millis) {
        now = millis;
    }

    synchronized List<Skip> skipped() {
        return List.copyOf(skipped);
    }

    synchronized List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        for (Skip s : skipped) {
            reasons.add(s.reason());
        }
        return reasons;
    }

    @Override
    public String name() {
        return "fileStream[test]";
    }

    @Override
    public Clock clock() {
        return () -> now;
    }

    @Override
    public Optional<Path> stateDirectory() {
        return Optional.ofNullable(stateDirectory);
    }

    @Override
    public String setting(String key) {
        return settings.get(key);
    }

    @Override
    public synchronized void skipped(String reason, String sample) {
        skipped.add(new Skip(reason, sample));
    }
}
