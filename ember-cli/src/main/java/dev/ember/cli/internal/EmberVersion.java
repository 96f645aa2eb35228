package dev.ember.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code ember --version} prints: Ember's version and the Java runtime it runs on. */
final class EmberVersion implements IVersionProvider {

    /** Ember's version, such as {@code 0.1.0-SNAPSHOT}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = EmberVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ember-cli's version.properties", e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ember " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
