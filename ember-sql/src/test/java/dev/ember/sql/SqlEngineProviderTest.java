package dev.ember.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember.sql.spi.ReadOnlyResult;
import dev.ember.sql.spi.SqlEngine;
import dev.ember.sql.spi.SqlEngineProvider;
import dev.ember.sql.spi.SqlEngineSettings;
import dev.ember.sql.spi.Table;
import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A {@code SqlContext} gets its engine from the provider that supports its master: this test
 * registers {@link InMemoryProvider} for the master {@code in-memory} in {@code META-INF/services}
 * of the test resources, next to ember-sql's DuckDB provider for the local masters.
 */
class SqlEngineProviderTest {

    @Test
    void theProviderThatSupportsTheMasterMakesTheEngine() {
        StreamingContext ssc = new StreamingContext("in-memory", "Providers", Durations.seconds(1));
        try (SqlContext sql =
                SqlContext.builder(ssc).timeZone(ZoneId.of("UTC")).memoryLimit(32L << 20).build()) {
            sql.toDF(List.of(Tuple2.of("hello", 2)), "word", "total")
                    .createOrReplaceTempView("words");

            assertEquals(List.of("words"), sql.tableNames());
            assertEquals(
                    List.of(Tuple2.of("hello", 2)),
                    sql.sql("words").as(Tuple2.class).stream()
                            .map(t -> Tuple2.of(t._1(), t._2()))
                            .toList());
            SqlEngineSettings settings = InMemoryProvider.last;
            assertEquals("in-memory", settings.master());
            assertEquals("Providers", settings.appName());
            assertEquals(32L << 20, settings.memoryLimitBytes());
            assertNull(settings.historyFile());
        }
    }

    @Test
    void theLocalMastersGetDuckDb() {
        for (String master : List.of("local", "local[2]", "local[*]")) {
            StreamingContext ssc = new StreamingContext(master, "Local", Durations.seconds(1));
            try (SqlContext sql = SqlContext.create(ssc)) {
                assertEquals(List.of(42), sql.sql("SELECT 42").as(Integer.class), master);
            }
        }
    }

    @Test
    void aMasterNoProviderSupportsFailsNamingTheMasterAndTheProviders() {
        StreamingContext ssc =
                new StreamingContext("spark://cluster:7077", "Nowhere", Durations.seconds(1));
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SqlContext.create(ssc));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "no SQL engine supports master 'spark://cluster:7077' of"
                                        + " 'Nowhere': the providers found are ["),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("DuckDB (dev.ember.sql.internal.DuckDbProvider)"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains(
                                "In memory (dev.ember.sql.SqlEngineProviderTest$InMemoryProvider)"),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "; add the module that provides SQL for this master to the class"
                                        + " path (ember-sql serves local, local[N] and local[*])"),
                e.getMessage());
    }

    /** Serves the master {@code in-memory} with {@link InMemoryEngine}. */
    public static final class InMemoryProvider implements SqlEngineProvider {
        static volatile SqlEngineSettings last;

        @Override
        public String name() {
            return "In memory";
        }

        @Override
        public boolean supports(String master) {
            return master.equals("in-memory");
        }

        @Override
        public SqlEngine create(SqlEngineSettings settings) {
            last = settings;
            return new InMemoryEngine();
        }
    }

    /** Views in a map; a query is the name of a view. */
    static final class InMemoryEngine implements SqlEngine {
        private final Map<String, Table> views = new TreeMap<>();

        @Override
        public synchronized boolean replaceView(String name, Table table) {
            views.put(name, table);
            return true;
        }

        @Override
        public synchronized boolean dropView(String name) {
            return views.remove(name) != null;
        }

        @Override
        public synchronized List<String> viewNames() {
            return new ArrayList<>(views.keySet());
        }

        @Override
        public List<String> historyTableNames() {
            return List.of();
        }

        @Override
        public synchronized Table query(String query) {
            Table table = views.get(query);
            if (table == null) {
                throw new SqlException(
                        "no view " + query, query, SqlException.Reason.UNKNOWN_VIEW, null);
            }
            return table;
        }

        @Override
        public ReadOnlyResult queryReadOnly(String query, ReadOnlyLimits limits) {
            return new ReadOnlyResult(query(query), false);
        }

        @Override
        public void appendHistory(String name, Instant windowEnd, Table table) {
            throw new IllegalStateException("the in-memory engine keeps no history");
        }

        @Override
        public boolean hasHistory() {
            return false;
        }

        @Override
        public boolean readOnlyCapable() {
            return true;
        }

        @Override
        public void close() {}
    }
}
