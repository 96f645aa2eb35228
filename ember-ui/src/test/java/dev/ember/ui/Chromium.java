package dev.ember.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium, driven through Debian's {@code chromium} and {@code chromium-driver}
 * (or the binaries named by {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER}); Selenium is pointed
 * at them, so it never looks for or downloads a browser. Each instance has a fresh profile and
 * makes no network attempts of its own.
 */
final class Chromium implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Chromium start() throws Exception {
        String binary = env("CHROMIUM_BINARY", "/usr/bin/chromium");
        String chromedriver = env("CHROMEDRIVER", "/usr/bin/chromedriver");
        for (String file : List.of(binary, chromedriver)) {
            if (!Files.isExecutable(Path.of(file))) {
                throw new IllegalStateException(
                        file
                                + " is missing: the browser tests need Debian's Chromium and its"
                                + " driver (apt-get install -y chromium chromium-driver)");
            }
        }
        Path profile = Files.createTempDirectory("ember-ui-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1100",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(chromedriver))
                        .usingAnyFreePort()
                        .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** Writes a PNG of the page to {@code target/screenshots/<name>.png} and returns its path. */
    Path screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * The browser console's errors and warnings so far, such as Content-Security-Policy refusals.
     */
    List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static Map<String, Object> map(Object o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) o;
        return m;
    }
}
