package dev.ember.ui.internal;

import dev.ember.sql.DataFrame;
import dev.ember.sql.Row;
import dev.ember.streaming.scheduler.CheckpointInfo;
import dev.ember.streaming.scheduler.ReceiverInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the API and of the event stream, one method per document, so the pages and the tests
 * read one shape. Times are the context clock's milliseconds; a time not reached yet is {@code -1},
 * as in the listener's infos.
 */
final class ApiJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApiJson() {}

    static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    static String error(String message, String reason) {
        ObjectNode node = NODES.objectNode();
        node.put("error", message);
        if (reason != null) {
            node.put("reason", reason);
        }
        return write(node);
    }

    // ------------------------------------------------------------------ batches

    static ObjectNode batch(BatchRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("batchTime", row.batchTime());
        node.put("submissionTime", row.submissionTime());
        node.put("processingStartTime", row.processingStartTime());
        node.put("processingEndTime", row.processingEndTime());
        node.put("schedulingDelay", row.schedulingDelay());
        node.put("processingDelay", row.processingDelay());
        node.put("totalDelay", row.totalDelay());
        node.put("records", row.records());
        ArrayNode inputs = node.putArray("inputs");
        for (BatchRow.InputRow in : row.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("id", in.id());
            i.put("name", in.name());
            i.put("records", in.records());
            i.put("fromOffset", in.fromOffset());
            i.put("toOffset", in.toOffset());
        }
        node.put("outputOperations", row.outputOperations());
        node.put("failedOutputOperations", row.failedOutputOperations());
        node.put("failure", row.failure());
        ObjectNode state = node.putObject("stateSizes");
        for (Map.Entry<String, Long> e : row.stateSizes().entrySet()) {
            state.put(e.getKey(), e.getValue());
        }
        return node;
    }

    static String batches(long batchDurationMillis, long completed, List<BatchRow> rows) {
        ObjectNode node = NODES.objectNode();
        node.put("batchDurationMillis", batchDurationMillis);
        node.put("completedBatches", completed);
        ArrayNode list = node.putArray("batches");
        for (BatchRow row : rows) {
            list.add(batch(row));
        }
        return write(node);
    }

    // ---------------------------------------------------------------- streaming

    static String streaming(StreamingModel.Summary s) {
        ObjectNode node = NODES.objectNode();
        node.put("appName", s.appName());
        node.put("batchDurationMillis", s.batchDurationMillis());
        node.put("startTime", s.startTime());
        node.put("completedBatches", s.completedBatches());
        node.put("totalRecords", s.totalRecords());
        node.put("pendingBatches", s.pendingBatches());
        ArrayNode inputs = node.putArray("inputs");
        for (StreamingModel.InputSummary in : s.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("id", in.id());
            i.put("name", in.name());
            i.put("totalRecords", in.totalRecords());
            i.put("lastOffset", in.lastOffset());
            i.put("recordsPerSecond", in.recordsPerSecond());
            ReceiverInfo r = in.receiver();
            if (r == null) {
                i.putNull("receiver");
            } else {
                ObjectNode rn = i.putObject("receiver");
                rn.put("active", r.active());
                rn.put("lastErrorMessage", r.lastErrorMessage());
                rn.put("lastErrorTime", r.lastErrorTime());
            }
        }
        ArrayNode state = node.putArray("stateSizes");
        for (Map.Entry<String, Long> e : s.stateSizes().entrySet()) {
            ObjectNode st = state.addObject();
            st.put("stream", e.getKey());
            st.put("keys", e.getValue());
        }
        CheckpointInfo c = s.checkpoint();
        if (c == null) {
            node.putNull("checkpoint");
        } else {
            ObjectNode cn = node.putObject("checkpoint");
            cn.put("batchTime", c.batchTime().milliseconds());
            cn.put("sizeBytes", c.bytes());
            cn.put("captureMillis", c.captureMillis());
            cn.put("writeMillis", c.writeMillis());
            cn.put("count", s.checkpoints());
        }
        return write(node);
    }

    // ------------------------------------------------------------------ windows

    static ObjectNode window(WindowRow row) {
        ObjectNode node = NODES.objectNode();
        node.put("start", row.start());
        node.put("end", row.end());
        ArrayNode rows = node.putArray("rows");
        for (WindowRow.Entry e : row.entries()) {
            ObjectNode r = rows.addObject();
            r.put("key", e.key());
            number(r, "count", e.count());
        }
        return node;
    }

    static String windows(TopSettings top, List<WindowRow> rows) {
        ObjectNode node = header(top);
        ArrayNode list = node.putArray("windows");
        for (WindowRow row : rows) {
            list.add(window(row));
        }
        return write(node);
    }

    static String latestWindow(TopSettings top, WindowRow row) {
        ObjectNode node = header(top);
        node.setAll(window(row));
        return write(node);
    }

    static String topSettings(TopSettings top) {
        ObjectNode node = header(top);
        node.put("enabled", top != null);
        return write(node);
    }

    private static ObjectNode header(TopSettings top) {
        ObjectNode node = NODES.objectNode();
        if (top != null) {
            node.put("title", top.title());
            node.put("stream", top.stream());
            node.put("top", top.top());
            node.put("windowMillis", top.windowMillis());
            node.put("slideMillis", top.slideMillis());
        }
        return node;
    }

    // ---------------------------------------------------------------------- sql

    static String views(List<String> views, long timeoutMillis, int maxRows) {
        ObjectNode node = NODES.objectNode();
        ArrayNode list = node.putArray("views");
        views.forEach(list::add);
        node.put("timeoutMillis", timeoutMillis);
        node.put("maxRows", maxRows);
        return write(node);
    }

    static String result(DataFrame frame) {
        ObjectNode node = NODES.objectNode();
        ArrayNode columns = node.putArray("columns");
        frame.columns().forEach(columns::add);
        ArrayNode rows = node.putArray("rows");
        for (Row row : frame.rows()) {
            ArrayNode r = rows.addArray();
            for (int i = 0; i < row.size(); i++) {
                r.add(value(row.get(i)));
            }
        }
        node.put("truncated", frame.isTruncated());
        return write(node);
    }

    /** A cell as JSON: numbers, text, booleans and null as themselves, the rest as text. */
    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Float || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.stringNode(Double.toString(d));
        }
        if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (v instanceof BigInteger i) {
            return NODES.numberNode(i);
        }
        if (v instanceof byte[] bytes) {
            return NODES.stringNode(HexFormat.of().formatHex(bytes));
        }
        if (v instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(e -> array.add(value(e)));
            return array;
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, e) -> object.set(String.valueOf(k), value(e)));
            return object;
        }
        if (v instanceof Row row) {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < row.size(); i++) {
                object.set(row.fieldNames().get(i), value(row.get(i)));
            }
            return object;
        }
        return NODES.stringNode(v.toString());
    }

    private static void number(ObjectNode node, String field, Number n) {
        if (n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long) {
            node.put(field, n.longValue());
        } else if (n instanceof BigDecimal d) {
            node.put(field, d);
        } else if (n instanceof BigInteger i) {
            node.put(field, i);
        } else {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                node.put(field, d);
            } else {
                node.put(field, Double.toString(d));
            }
        }
    }
}
