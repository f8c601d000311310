package io.rectification.platform.logging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * While a consumer applies one event, its id ({@code eventId}, the record's {@code ce_id}) and
 * the trace it was published in ({@code traceId}, from the record's W3C {@code traceparent}) are
 * in the MDC, so whatever is logged meanwhile (a dead letter, a handler's note) can be joined to
 * the request that caused it (its log lines carry the same {@code traceId}) and to the event.
 * Closing it leaves the MDC as it was. The consumer thread is not a Vert.x one, so OpenTelemetry
 * does not put the trace in the MDC there by itself.
 */
public final class EventLogContext implements AutoCloseable {

    public static final String EVENT_ID = "eventId";
    public static final String TRACE_ID = "traceId";
    /** version-traceid-parentid-flags; version ff is invalid, and so is a trace id of zeros. */
    private static final Pattern TRACEPARENT = Pattern.compile("(?!ff)[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");

    /** The ids of a poll's events applied together, comma-separated. */
    public static final String EVENT_IDS = "eventIds";

    private final Map<String, Object> previous = new LinkedHashMap<>();

    private EventLogContext(Map<String, String> values) {
        values.forEach((key, value) -> previous.put(key, LogIds.put(key, value)));
    }

    /** For applying {@code record}: its {@code ce_id} and {@code traceparent} headers, where present. */
    public static EventLogContext of(ConsumerRecord<?, ?> record) {
        return of(header(record, "ce_id"), header(record, "traceparent"));
    }

    /** For applying an event with {@code eventId} written under {@code traceparent} (either may be null). */
    public static EventLogContext of(String eventId, String traceparent) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EVENT_ID, LogIds.safe(eventId) ? eventId : null);
        values.put(TRACE_ID, traceId(traceparent));
        return new EventLogContext(values);
    }

    /**
     * For applying a poll's records together in one transaction: their ids under {@code eventIds}
     * (what is logged then concerns the batch, not one event; a failed batch is applied again one
     * event at a time, each with {@link #of(ConsumerRecord)}).
     */
    public static EventLogContext ofBatch(Iterable<? extends ConsumerRecord<?, ?>> records) {
        StringJoiner ids = new StringJoiner(",");
        for (ConsumerRecord<?, ?> record : records) {
            String id = header(record, "ce_id");
            if (LogIds.safe(id)) {
                ids.add(id);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EVENT_IDS, ids.length() == 0 ? null : ids.toString());
        return new EventLogContext(values);
    }

    /** The trace id of a W3C traceparent, or null when it is absent or malformed. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers() == null ? null : record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        previous.forEach(LogIds::restore);
    }
}
