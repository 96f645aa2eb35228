package dev.ember.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.streaming.DStream;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import dev.ember.test.StreamingTestDriver;
import dev.ember.test.TestInput;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmberUiTest {
    @Test
    void takesTheNextFreePortWhenTheRequestedOneIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                StreamingContext ssc =
                        new StreamingContext("local[2]", "ports", Durations.seconds(1))) {
            int port = taken.getLocalPort();
            // The port after it may be taken too on a busy machine; any of the next ones will do.
            try (EmberUi ui = EmberUi.start(ssc, UiOptions.builder().port(port).build())) {
                assertTrue(
                        ui.port() > port && ui.port() < port + EmberUi.PORT_ATTEMPTS,
                        "port " + ui.port() + " after " + port);
                assertEquals("http://127.0.0.1:" + ui.port() + "/", ui.url().toString());
                assertEquals(200, Http.get(ui.url(), "/api/batches").statusCode());
            }
        }
    }

    @Test
    void aTopNStreamNeedsTheDashboardBeforeTheStart() {
        StreamingContext ssc = new StreamingContext("local[2]", "late", Durations.seconds(1));
        try (StreamingTestDriver driver = StreamingTestDriver.create(ssc)) {
            TestInput<String> lines = driver.newInput("lines");
            DStream<Tuple2<String, Integer>> counts =
                    lines.stream().mapToPair(s -> new Tuple2<>(s, 1)).reduceByKey(Integer::sum);
            counts.print();
            driver.start();
            IllegalStateException e =
                    assertThrows(
                            IllegalStateException.class,
                            () ->
                                    EmberUi.start(
                                            ssc,
                                            UiOptions.builder().port(0).topN(counts, 5).build()));
            assertEquals(
                    "the dashboard of 'late' follows stream 'lines/reduceByKey', which needs an"
                            + " output operation, but the context is ACTIVE: start the dashboard"
                            + " before ssc.start()",
                    e.getMessage());
        }
    }

    @Test
    void withoutTopStreamOrSqlTheirEndpointsSaySo() throws Exception {
        try (StreamingContext ssc = new StreamingContext("local[2]", "bare", Durations.seconds(1));
                EmberUi ui = EmberUi.start(ssc, UiOptions.builder().port(0).build())) {
            assertEquals(
                    Http.json(
                            """
                            {"error":"this program's dashboard follows no stream of counts: start\
                             it with UiOptions.builder().topN(counts, 10)"}
                            """),
                    Http.json(Http.get(ui.url(), "/api/windows/latest").body()));
            assertEquals(
                    Http.json("{\"enabled\":false}"),
                    Http.json(Http.get(ui.url(), "/api/top").body()));
            assertEquals(404, Http.get(ui.url(), "/api/sql?q=SELECT%201").statusCode());
            assertEquals(
                    Http.json(
                            """
                            {"error":"this program serves no SQL: start the dashboard with\
                             UiOptions.builder().sql(sqlContext.readOnly())"}
                            """),
                    Http.json(Http.get(ui.url(), "/api/views").body()));
        }
    }

    @Test
    void checkpointsReachTheStreamingPageAndItsEvents() throws Exception {
        try (HashtagPipeline pipeline = HashtagPipeline.checkpointed(UiOptions.builder(), 3);
                EventStream events = EventStream.open(pipeline.ui.url())) {
            pipeline.driver.start();
            pipeline.batch(List.of("#a", "#b"));
            pipeline.driver.checkpoint();
            String pushed =
                    events.awaitFirst(
                            "streaming", data -> data.contains("\"batchTime\":1000,\"sizeBytes\""));
            var checkpoint = Http.json(pushed).get("checkpoint");
            assertEquals(1000, checkpoint.get("batchTime").asLong());
            assertTrue(checkpoint.get("sizeBytes").asLong() > 0, checkpoint.toString());
            assertEquals(2, checkpoint.get("count").asLong(), "the initial one and this one");
            assertEquals(
                    checkpoint,
                    Http.json(Http.get(pipeline.ui.url(), "/api/streaming").body())
                            .get("checkpoint"));
        }
    }

    @Test
    void keepsBatchesWithinTheHistoryBudget() throws Exception {
        try (HashtagPipeline pipeline =
                        HashtagPipeline.create(UiOptions.builder().historyBytes(64 * 1024), 3);
                EventStream events = EventStream.open(pipeline.ui.url())) {
            pipeline.driver.start();
            int batches = 400;
            for (int i = 0; i < batches; i++) {
                pipeline.batch(List.of("#tag" + i));
            }
            events.await("batch", batches);
            var kept = Http.json(Http.get(pipeline.ui.url(), "/api/batches").body()).get("batches");
            // 32 KiB for batches at a few hundred bytes each: the oldest went, the newest stayed.
            assertTrue(kept.size() < batches / 2, kept.size() + " batches kept");
            assertEquals(batches * 1000L, kept.get(kept.size() - 1).get("batchTime").longValue());
            assertEquals(
                    batches,
                    Http.json(Http.get(pipeline.ui.url(), "/api/batches").body())
                            .get("completedBatches")
                            .intValue());
        }
    }
}
