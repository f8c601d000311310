package io.rectification.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trace from the HTTP request through the outbox and Kafka to the consumer (W3C Trace
 * Context). The request's context is written into the event as the CloudEvents distributed-tracing
 * attribute {@code traceparent} when the outbox row is written (the relay publishes later, on
 * another thread, so the context must travel in the row); the relay publishes each record under a
 * PRODUCER span that is a child of it and puts that span's context into the record's
 * {@code traceparent} header; a consumer applies the record under a CONSUMER span that is a child of
 * the header's context. Whether spans are recorded and exported is the OpenTelemetry configuration's
 * business (docs/operations.md, "Tracing"): the ids travel either way, so log lines can be joined.
 */
@Singleton
public class EventTracing {

    static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            return CloudEventHeaders.value(headers, key);
        }
    };
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    @Inject
    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.rectification.events");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** No tracing: for code that runs without the application (tests of the relay alone). */
    public static EventTracing off() {
        return new EventTracing(OpenTelemetry.noop());
    }

    /** The current context as a W3C traceparent, or null when there is no valid one. */
    public String currentTraceparent() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the PRODUCER span of publishing one event, a child of the context the event was written
     * in (its traceparent; a new trace when it has none), and writes the span's own context into the
     * record's headers. The caller ends the span when the broker has answered.
     */
    public Span publishing(String topic, String eventId, String eventType, String traceparent, Headers headers) {
        Context parent = traceparent == null ? Context.root()
                : propagator.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP);
        Span span = tracer.spanBuilder(topic + " publish").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        propagator.inject(parent.with(span), headers,
                (carrier, key, value) -> carrier.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
        return span;
    }

    /**
     * Starts the CONSUMER span of applying one record, a child of the producer's context in its
     * {@code traceparent} header (a new trace when it has none). The caller makes it current while
     * applying and ends it.
     */
    public Span consuming(ConsumerRecord<?, ?> record, String consumerName) {
        Context parent = propagator.extract(Context.root(), record.headers(), HEADERS);
        return tracer.spanBuilder(record.topic() + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumerName)
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .startSpan();
    }
}
