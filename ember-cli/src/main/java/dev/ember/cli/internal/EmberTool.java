package dev.ember.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.spi.ToolProvider;

/**
 * The {@code ember} command as a {@link ToolProvider}, registered with {@link
 * java.util.ServiceLoader} so that the public main class never names an internal type.
 */
public final class EmberTool implements ToolProvider {

    @Override
    public String name() {
        return "ember";
    }

    @Override
    public int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        try {
            return EmberCommand.commandLine(out, outWriter, errWriter).execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        PrintStream jobOut =
                new PrintStream(new WriterOutputStream(out), true, StandardCharsets.UTF_8);
        try {
            return EmberCommand.commandLine(jobOut, out, err).execute(args);
        } finally {
            jobOut.close();
            out.flush();
            err.flush();
        }
    }
}
