package dev.ember.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The pages, scripts and styles, read once from the classpath: Ember's own files and the copy of
 * Apache ECharts that the ECharts webjar ships, so the pages need nothing from the internet.
 */
final class StaticAssets {
    /** One file to serve. */
    record Asset(String contentType, byte[] body) {}

    private static final String WEB = "web/";
    private static final String[] PAGES = {"index.html", "streaming.html", "sql.html"};
    private static final String[] FILES = {
        "app.css", "common.js", "topn.js", "streaming.js", "sql.js", "favicon.svg"
    };

    private final Map<String, Asset> pages = new HashMap<>();
    private final Map<String, Asset> assets = new HashMap<>();

    StaticAssets() {
        for (String page : PAGES) {
            pages.put(page, new Asset("text/html; charset=utf-8", read(WEB + page)));
        }
        for (String file : FILES) {
            assets.put(file, new Asset(contentType(file), read(WEB + file)));
        }
        Properties properties = new Properties();
        try (InputStream in = resource("assets.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String echarts = properties.getProperty("echarts");
        assets.put("echarts.min.js", new Asset(contentType(echarts), readAbsolute(echarts)));
    }

    /** A page by file name, or {@code null}. */
    Asset page(String name) {
        return pages.get(name);
    }

    /** A file under {@code /assets/}, or {@code null}. */
    Asset asset(String name) {
        return assets.get(name);
    }

    private static String contentType(String name) {
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static InputStream resource(String name) {
        InputStream in = StaticAssets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(
                    "dashboard resource '"
                            + name
                            + "' is missing from the classpath; rebuild ember-ui");
        }
        return in;
    }

    private static byte[] read(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAbsolute(String path) {
        InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(
                    "the ECharts webjar's '"
                            + path
                            + "' is missing from the classpath; add org.webjars.npm:echarts");
        }
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
