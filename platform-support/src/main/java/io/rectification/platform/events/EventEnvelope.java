package io.rectification.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, the one shape every event on every topic has.
 *
 * <p>{@code subject} is the aggregate id (also the Kafka key, so one aggregate's events stay in
 * order); {@code aggregateversion} lets a consumer ignore an older state arriving late;
 * {@code traceparent} (the CloudEvents distributed-tracing extension) is the W3C trace context
 * the event was written in, absent outside a trace ({@link EventTracing}).
 * Consumers read tolerantly: unknown attributes are ignored.
 *
 * <p>An envelope read from a message ({@link EventReader}) carries its data as {@code dataText},
 * the text as it came, and {@code data} null: {@link #data()} builds the tree only when asked,
 * since consumers read the text straight into the event's record. An envelope built here (to
 * publish, or in tests) has its {@code data} tree and no text.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        String aggregatetype,
        Long aggregateversion,
        JsonNode data,
        String traceparent,
        @JsonIgnore DataText dataText) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    /** An envelope without trace context (events written outside a trace, and tests). */
    public EventEnvelope(String specversion, String id, String source, String type, String subject, OffsetDateTime time,
                         String datacontenttype, String aggregatetype, Long aggregateversion, JsonNode data) {
        this(specversion, id, source, type, subject, time, datacontenttype, aggregatetype, aggregateversion, data, null);
    }

    /** An envelope with its data as a tree (events written here, and tests). */
    public EventEnvelope(String specversion, String id, String source, String type, String subject, OffsetDateTime time,
                         String datacontenttype, String aggregatetype, Long aggregateversion, JsonNode data,
                         String traceparent) {
        this(specversion, id, source, type, subject, time, datacontenttype, aggregatetype, aggregateversion, data,
                traceparent, null);
    }

    /** The data as a tree: the one given, else the carried text's, read on first use. */
    @Override
    public JsonNode data() {
        return data != null || dataText == null ? data : dataText.tree();
    }
}
