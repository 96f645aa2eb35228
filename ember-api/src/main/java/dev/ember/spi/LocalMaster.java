package dev.ember.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local masters, {@code local}, {@code local[N]} and {@code local[*]}, as Spark spells them:
 * for runners that run in this JVM and for tools that check a master before starting a program.
 */
public final class LocalMaster {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");

    private LocalMaster() {}

    /** True when {@code master} names a local master, valid or not ({@code local...}). */
    public static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * The number of worker threads a local master asks for: 1 for {@code local}, N for {@code
     * local[N]}, the number of cores for {@code local[*]}.
     *
     * @throws IllegalArgumentException when {@code master} is not a valid local master
     */
    public static int threads(String master) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            throw invalid(master);
        }
        if (m.group(1) == null) {
            return 1;
        }
        if (m.group(1).equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        int n;
        try {
            n = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw invalid(master);
        }
        return n;
    }

    private static IllegalArgumentException invalid(String master) {
        return new IllegalArgumentException(
                "invalid master '"
                        + master
                        + "': use local, local[N] with N at least 1, or local[*]");
    }
}
