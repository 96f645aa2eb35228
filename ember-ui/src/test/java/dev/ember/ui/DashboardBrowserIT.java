package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The three pages in a real headless Chromium, against the trending hashtags pipeline fed by a
 * recorded replay under the test kit: the chart shows the window's bars and follows the next window
 * when it is pushed, the streaming page lists every batch, the SQL page answers a query. Each test
 * leaves a screenshot under {@code target/screenshots/}.
 */
class DashboardBrowserIT {
    /** Reads the chart as drawn: each key's label and the count label on the same row, top down. */
    private static final String BARS =
            """
            const texts = [...document.querySelectorAll('#top-chart svg text')]
                .map((t) => ({text: t.textContent, box: t.getBoundingClientRect()}))
                .filter((t) => t.box.height > 0);
            const keys = texts.filter((t) => t.text.startsWith('#')).sort((a, b) => a.box.y - b.box.y);
            return keys.map((k) => {
              const y = k.box.y + k.box.height / 2;
              const count = texts.find((t) => /^[0-9]+$/.test(t.text) && t.box.x > k.box.right
                  && Math.abs(t.box.y + t.box.height / 2 - y) < 4);
              return k.text + '=' + (count ? count.text : '?');
            }).join(' ');
            """;

    private final List<List<String>> replay = Replay.batches("football-replay.txt");
    private HashtagPipeline pipeline;
    private Chromium chromium;

    @BeforeEach
    void start() throws Exception {
        pipeline = HashtagPipeline.create(UiOptions.builder(), 5);
        pipeline.driver.start();
        chromium = Chromium.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            chromium.close();
        } finally {
            pipeline.close();
        }
    }

    private void open(String path) {
        chromium.driver.get(pipeline.ui.url().resolve(path).toString());
        chromium.waiting()
                .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "true"));
    }

    private String bars() {
        return (String) chromium.driver.executeScript(BARS);
    }

    private void awaitBars(String windowEnd, String expected) {
        By chart = By.id("top-chart");
        chromium.waiting()
                .until(ExpectedConditions.attributeToBe(chart, "data-window-end", windowEnd));
        chromium.waiting().until(d -> expected.equals(bars()));
        assertEquals(expected, bars());
    }

    @Test
    void topChartShowsTheReplaysBarsAndFollowsTheNextWindow() throws Exception {
        pipeline.batch(replay.get(0));
        pipeline.batch(replay.get(1));
        open("/");
        awaitBars("2000", "#messi=5 #intermiami=4 #mls=3 #goal=2 #ballon=1");
        assertEquals(
                "Window (00:00:00, 00:00:02] · 2 s, every 1 s",
                chromium.driver.findElement(By.id("window-range")).getText());
        assertEquals("Top hashtags", chromium.driver.findElement(By.id("top-title")).getText());

        pipeline.batch(replay.get(2));
        awaitBars("3000", "#goal=5 #messi=3 #intermiami=2 #mls=2 #suarez=2");
        assertEquals(
                "Window (00:00:01, 00:00:03] · 2 s, every 1 s",
                chromium.driver.findElement(By.id("window-range")).getText());
        List<String> windows =
                chromium.driver.findElements(By.cssSelector("#window-select option")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertEquals(
                List.of(
                        "Latest (follows the stream)",
                        "(00:00:01, 00:00:03]",
                        "(00:00:00, 00:00:02]",
                        "(–, 00:00:01]"),
                windows);
        chromium.waiting()
                .until(
                        ExpectedConditions.textToBePresentInElementLocated(
                                By.id("trend-sub"), "over the last 3 windows"));
        chromium.waiting()
                .until(ExpectedConditions.attributeToBe(By.id("top-chart"), "data-drawn", "3000"));
        chromium.screenshot("top");
        assertEquals(List.of(), chromium.consoleProblems());
    }

    @Test
    void streamingPageListsEveryBatchWithItsRecords() throws Exception {
        for (List<String> batch : replay) {
            pipeline.batch(batch);
        }
        open("/streaming");
        By rows = By.cssSelector("#batches-table tbody tr");
        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(rows, 3));
        List<String> records =
                chromium.driver.findElements(rows).stream()
                        .map(r -> r.findElements(By.tagName("td")).get(1).getText())
                        .toList();
        assertEquals(List.of("3", "4", "4"), records);
        chromium.waiting().until(ExpectedConditions.textToBe(By.id("s-batches"), "3"));
        assertEquals("11", chromium.driver.findElement(By.id("s-records")).getText());
        assertEquals(
                "posts",
                chromium.driver
                        .findElements(By.cssSelector("#inputs-table tbody td"))
                        .get(1)
                        .getText());
        assertEquals("(3 kept)", chromium.driver.findElement(By.id("batches-count")).getText());

        pipeline.batch(List.of("#late #post"));
        chromium.waiting().until(ExpectedConditions.numberOfElementsToBe(rows, 4));
        chromium.driver.manage().window().setSize(new Dimension(1280, 2100));
        chromium.screenshot("streaming");
        assertEquals(List.of(), chromium.consoleProblems());
    }

    @Test
    void sqlPageRunsAQueryAndShowsTableAndChart() throws Exception {
        for (List<String> batch : replay) {
            pipeline.batch(batch);
        }
        open("/sql");
        chromium.waiting()
                .until(
                        ExpectedConditions.visibilityOfElementLocated(
                                By.cssSelector("#sql-views button")));
        WebElement query = chromium.driver.findElement(By.id("sql-query"));
        query.clear();
        query.sendKeys("Select tag, count from tweetsmessi order by count desc, tag limit 4");
        chromium.driver.findElement(By.id("sql-run")).click();
        chromium.waiting()
                .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-query", "done"));
        List<String> rows =
                chromium.driver.findElements(By.cssSelector("#sql-result tbody tr")).stream()
                        .map(WebElement::getText)
                        .toList();
        assertEquals(List.of("#goal 5", "#messi 3", "#intermiami 2", "#mls 2"), rows);
        assertEquals("4 rows", chromium.driver.findElement(By.id("sql-meta")).getText());
        assertTrue(chromium.driver.findElement(By.id("sql-chart")).isDisplayed());
        assertEquals(
                "4", chromium.driver.findElement(By.id("sql-chart")).getAttribute("data-bars"));
        chromium.screenshot("sql");
        assertEquals(List.of(), chromium.consoleProblems());

        query.clear();
        query.sendKeys("DROP VIEW tweetsmessi");
        chromium.driver.findElement(By.id("sql-run")).click();
        chromium.waiting()
                .until(
                        ExpectedConditions.attributeToBe(
                                By.tagName("body"), "data-query", "failed"));
        assertTrue(
                chromium.driver.findElement(By.id("sql-error")).getText().endsWith("(NOT_ALLOWED)"),
                chromium.driver.findElement(By.id("sql-error")).getText());
    }
}
