package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the JSON API and the metrics, over real loopback HTTP, against the trending
 * hashtags pipeline after three batches run by the test kit: exact JSON, and metrics read back by
 * the Prometheus project's own text-format parser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {
    private HashtagPipeline pipeline;
    private EventStream events;
    private List<String> pushedWindows;
    private List<String> pushedBatches;

    @BeforeAll
    void runThreeBatches() throws Exception {
        pipeline = HashtagPipeline.create(UiOptions.builder(), 3);
        events = EventStream.open(pipeline.ui.url());
        pipeline.driver.start();
        pipeline.batch(List.of("#messi scores #goal", "#messi again"));
        pipeline.batch(List.of("#goal #goal #intermiami #a"));
        pipeline.batch(List.of("#intermiami #messi"));
        pushedWindows = events.await("window", 3);
        pushedBatches = events.await("batch", 3);
    }

    @AfterAll
    void stop() {
        events.close();
        pipeline.close();
    }

    private JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> response = Http.get(pipeline.ui.url(), path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertEquals(
                "application/json; charset=utf-8",
                response.headers().firstValue("content-type").orElseThrow());
        return Http.json(response.body());
    }

    @Test
    void batchesListsEveryCompletedBatchWithItsInputsAndDelays() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"batchDurationMillis":1000,"completedBatches":3,"batches":[
                          {"batchTime":1000,"submissionTime":1000,"processingStartTime":1000,
                           "processingEndTime":1000,"schedulingDelay":0,"processingDelay":0,
                           "totalDelay":0,"records":2,
                           "inputs":[{"id":0,"name":"posts","records":2,"fromOffset":null,"toOffset":"2"}],
                           "outputOperations":2,"failedOutputOperations":0,"failure":null,"stateSizes":{}},
                          {"batchTime":2000,"submissionTime":2000,"processingStartTime":2000,
                           "processingEndTime":2000,"schedulingDelay":0,"processingDelay":0,
                           "totalDelay":0,"records":1,
                           "inputs":[{"id":0,"name":"posts","records":1,"fromOffset":"2","toOffset":"3"}],
                           "outputOperations":2,"failedOutputOperations":0,"failure":null,"stateSizes":{}},
                          {"batchTime":3000,"submissionTime":3000,"processingStartTime":3000,
                           "processingEndTime":3000,"schedulingDelay":0,"processingDelay":0,
                           "totalDelay":0,"records":1,
                           "inputs":[{"id":0,"name":"posts","records":1,"fromOffset":"3","toOffset":"4"}],
                           "outputOperations":2,"failedOutputOperations":0,"failure":null,"stateSizes":{}}
                        ]}
                        """),
                getJson("/api/batches", 200));
    }

    @Test
    void theEventStreamPushedEachBatchAsTheApiListsIt() throws Exception {
        JsonNode batches = getJson("/api/batches", 200).get("batches");
        for (int i = 0; i < 3; i++) {
            assertEquals(batches.get(i), Http.json(pushedBatches.get(i)));
        }
    }

    @Test
    void latestWindowHoldsTheTopThreeOfTheLastWindowTiesByKey() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"title":"Top hashtags","stream":"posts/window/reduceByKey","top":3,
                         "windowMillis":2000,"slideMillis":1000,"start":1000,"end":3000,
                         "rows":[{"key":"#goal","count":2},{"key":"#intermiami","count":2},
                                 {"key":"#a","count":1}]}
                        """),
                getJson("/api/windows/latest", 200));
    }

    @Test
    void windowsKeepsTheRecentWindowsOldestFirstAsTheyWerePushed() throws Exception {
        JsonNode windows = getJson("/api/windows", 200);
        assertEquals(
                Http.json(
                        """
                        {"title":"Top hashtags","stream":"posts/window/reduceByKey","top":3,
                         "windowMillis":2000,"slideMillis":1000,"windows":[
                           {"start":-1000,"end":1000,"rows":[{"key":"#messi","count":2},
                                                             {"key":"#goal","count":1}]},
                           {"start":0,"end":2000,"rows":[{"key":"#goal","count":3},
                                                         {"key":"#messi","count":2},
                                                         {"key":"#a","count":1}]},
                           {"start":1000,"end":3000,"rows":[{"key":"#goal","count":2},
                                                            {"key":"#intermiami","count":2},
                                                            {"key":"#a","count":1}]}]}
                        """),
                windows);
        for (int i = 0; i < 3; i++) {
            assertEquals(windows.get("windows").get(i), Http.json(pushedWindows.get(i)));
        }
    }

    @Test
    void topDescribesTheFollowedStream() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"title":"Top hashtags","stream":"posts/window/reduceByKey","top":3,
                         "windowMillis":2000,"slideMillis":1000,"enabled":true}
                        """),
                getJson("/api/top", 200));
    }

    @Test
    void streamingSummarisesTheProgramItsInputAndReceiver() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"appName":"hashtags-ui","batchDurationMillis":1000,"startTime":0,
                         "completedBatches":3,"totalRecords":4,"pendingBatches":0,
                         "inputs":[{"id":0,"name":"posts","totalRecords":4,"lastOffset":"4",
                                    "recordsPerSecond":1.3333333333333333,
                                    "receiver":{"active":true,"lastErrorMessage":null,
                                                "lastErrorTime":-1}}],
                         "stateSizes":[],"checkpoint":null}
                        """),
                getJson("/api/streaming", 200));
    }

    @Test
    void viewsListsTheProgramsViewsAndTheReadOnlyLimits() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"views":["tweetsmessi"],"timeoutMillis":10000,"maxRows":10000}
                        """),
                getJson("/api/views", 200));
    }

    @Test
    void sqlAnswersColumnsRowsAndTruncated() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"columns":["tag","count"],
                         "rows":[["#goal",2],["#intermiami",2],["#a",1],["#messi",1]],
                         "truncated":false}
                        """),
                getJson("/api/sql?q=Select%20tag,%20count%20from%20tweetsmessi", 200));
    }

    @Test
    void sqlTypesNumbersTextBooleansAndNullsAsJson() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"columns":["i","d","s","b","n","t"],
                         "rows":[[7,2.5,"x",true,null,"2024-01-02T03:04:05Z"]],
                         "truncated":false}
                        """),
                getJson(
                        "/api/sql?q=SELECT%207%20AS%20i,%202.5::DOUBLE%20AS%20d,%20'x'%20AS%20s,"
                                + "%20true%20AS%20b,%20NULL%20AS%20n,"
                                + "%20TIMESTAMPTZ%20'2024-01-02%2003:04:05%2B00'%20AS%20t",
                        200));
    }

    @Test
    void sqlSaysWhatIsWrongWithABadQuery() throws Exception {
        JsonNode missing = getJson("/api/sql", 400);
        assertEquals(
                "the query parameter 'q' is missing or blank; send a query such as"
                        + " /api/sql?q=SELECT%201",
                missing.get("error").stringValue());
        JsonNode unknown = getJson("/api/sql?q=SELECT%20*%20FROM%20nosuchview", 400);
        assertEquals("UNKNOWN_VIEW", unknown.get("reason").stringValue());
        assertTrue(
                unknown.get("error").stringValue().contains("tweetsmessi"),
                unknown.get("error").stringValue());
        assertEquals(
                "SYNTAX_ERROR", getJson("/api/sql?q=SELEC%201", 400).get("reason").stringValue());
    }

    @Test
    void unknownPathsAnswerNotFoundWithTheMap() throws Exception {
        assertEquals(
                Http.json(
                        """
                        {"error":"no page or API at '/api/nothing'; the pages are /, /streaming and\
                         /sql, the API is under /api/ and the metrics at /metrics"}
                        """),
                getJson("/api/nothing", 404));
    }

    @Test
    void metricsParseWithPrometheusTextFormatParser() throws Exception {
        HttpResponse<String> response = Http.get(pipeline.ui.url(), "/metrics");
        assertEquals(200, response.statusCode());
        assertEquals(
                "text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("content-type").orElseThrow());
        Map<String, Double> samples = PrometheusParser.parse(response.body());
        Map<String, Double> ember = new HashMap<>();
        samples.forEach(
                (k, v) -> {
                    if (k.startsWith("ember_") && !k.contains("_bucket")) {
                        ember.put(k, v);
                    }
                });
        assertEquals(
                new java.util.TreeMap<>(
                        Map.ofEntries(
                                Map.entry("ember_batch_interval_seconds", 1.0),
                                Map.entry("ember_batches_completed_total", 3.0),
                                Map.entry("ember_batches_failed_total", 0.0),
                                Map.entry("ember_input_records_total{input=posts}", 4.0),
                                Map.entry("ember_batch_scheduling_delay_seconds_count", 3.0),
                                Map.entry("ember_batch_scheduling_delay_seconds_sum", 0.0),
                                Map.entry("ember_batch_processing_delay_seconds_count", 3.0),
                                Map.entry("ember_batch_processing_delay_seconds_sum", 0.0),
                                Map.entry("ember_batch_total_delay_seconds_count", 3.0),
                                Map.entry("ember_batch_total_delay_seconds_sum", 0.0),
                                Map.entry("ember_last_batch_time_seconds", 3.0),
                                Map.entry("ember_last_batch_records", 1.0),
                                Map.entry("ember_receiver_active{input=posts}", 1.0),
                                Map.entry("ember_ui_windows_total", 3.0),
                                Map.entry("ember_ui_windows_dropped_total", 0.0),
                                Map.entry("ember_ui_event_clients", 1.0),
                                Map.entry("ember_ui_event_clients_dropped_total", 0.0))),
                new java.util.TreeMap<>(ember));
        assertEquals(
                3.0, samples.get("ember_batch_total_delay_seconds_bucket{le=0.005}"), "bucket");
        assertTrue(samples.get("jvm_memory_used_bytes{area=heap}") > 0, "JVM heap in use");
        assertTrue(samples.get("jvm_threads_current") > 0, "JVM threads");
    }

    /**
     * The Prometheus project's Python client reads the text: its parser rejects what is not the
     * text format, and gives each sample as {@code name{label=value,...}} and value.
     */
    static final class PrometheusParser {
        private static final String SCRIPT =
                """
                import sys
                from prometheus_client.parser import text_string_to_metric_families
                for family in text_string_to_metric_families(sys.stdin.read()):
                    for s in family.samples:
                        labels = ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
                        print(s.name + ("{" + labels + "}" if labels else "") + " " + repr(s.value))
                """;

        static Map<String, Double> parse(String text) throws IOException, InterruptedException {
            String python =
                    Files.isExecutable(Path.of("/usr/bin/python3"))
                            ? "/usr/bin/python3"
                            : "python3";
            Process process =
                    new ProcessBuilder(python, "-c", SCRIPT).redirectErrorStream(true).start();
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the parser did not finish");
            assertEquals(
                    0,
                    process.exitValue(),
                    "the Prometheus text-format parser (Debian's python3-prometheus-client)"
                            + " refused the metrics or is missing:\n"
                            + out);
            Map<String, Double> samples = new HashMap<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    int space = line.lastIndexOf(' ');
                    samples.put(
                            line.substring(0, space),
                            Double.parseDouble(line.substring(space + 1)));
                }
            }
            return samples;
        }
    }
}
