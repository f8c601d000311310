package io.rectification.tasks.events;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.restassured.http.ContentType;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The trace of a request goes on through the outbox and Kafka: the record the relay publishes
 * carries a W3C {@code traceparent} header of a PRODUCER span that is a child of the HTTP request's
 * span, and a consumer applies a record under a CONSUMER span that is a child of the record's
 * {@code traceparent}. The services' own sampler (parent-based, ratio 0) records a trace its caller
 * sampled, as a gateway or another service that traces does: each test starts from a sampled
 * {@code traceparent}, and the spans go to the in-memory exporter below (exported every 50 ms in
 * tests, the application's test profile).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TraceContextTest {

    @Singleton
    static class SpanExporterProducer {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void anOutboxPublishedRecordCarriesTheRequestsTraceInItsTraceparentHeader() {
        String taskId = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("强化履约监管", "2099-12-31", "TIME_BOUND", ""));
        given().contentType(ContentType.JSON).post("/tasks/" + taskId + "/start").then().statusCode(200);
        String callerTrace = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (EventProbe probe = EventProbe.on(EventTopics.TASKS)) {
            given().contentType(ContentType.JSON).header("traceparent", "00-" + callerTrace + "-" + callerSpan + "-01")
                    .body(Map.of("cadence", "WEEKLY", "periodStart", "2024-10-07", "periodEnd", "2024-10-13",
                            "text", "制定出台相关内部文件", "percentComplete", 40))
                    .post("/tasks/" + taskId + "/progress-reports").then().statusCode(201);
            EventEnvelope event = probe.await(e -> taskId.equals(e.subject()) && e.type().equals("TaskProgressReported"),
                    Duration.ofSeconds(60));
            ConsumerRecord<String, String> record = probe.drain(Duration.ZERO).stream()
                    .filter(r -> r.value().contains(event.id())).findFirst().orElseThrow();
            Traceparent header = Traceparent.of(record.headers().lastHeader("traceparent"));

            SpanData request = awaitSpan(s -> s.getKind() == SpanKind.SERVER
                    && s.getName().contains("/tasks/{id}/progress-reports"), "the request's server span");
            SpanData publish = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER
                    && s.getSpanId().equals(header.spanId()), "the relay's producer span named by the header");
            assertEquals(callerTrace, request.getTraceId(), "the request continues its caller's trace");
            assertEquals(callerSpan, request.getParentSpanId(), "the request's span is a child of the caller's");
            assertEquals(request.getTraceId(), header.traceId(), "the record is in the request's trace");
            assertEquals(request.getSpanId(), publish.getParentSpanId(), "publishing is a child of the request");
            assertEquals(event.traceparent().split("-")[1], request.getTraceId(), "the event's traceparent is the request's");
        }
    }

    @Test
    void aConsumedRecordIsAppliedUnderAChildOfItsTraceparent() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String feedbackId = UUID.randomUUID().toString();
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("traceparent", ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.UTF_8)));
        // A type this consumer does not act on: it is still applied (recorded as consumed) under a span.
        EventProbe.send(EventTopics.FEEDBACK, feedbackId, """
                {"specversion":"1.0","id":"%s","source":"/feedback-service","type":"FeedbackReceived","subject":"%s",
                 "time":"2026-01-01T00:00:00Z","aggregatetype":"Feedback","aggregateversion":0,"data":{}}"""
                .formatted(UUID.randomUUID(), feedbackId), headers);

        SpanData process = awaitSpan(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId),
                "the consumer's span in the sent trace");
        assertEquals(parentSpanId, process.getParentSpanId(), "the consumer continues the record's trace");
        assertEquals(EventTopics.FEEDBACK, process.getAttributes().get(
                io.opentelemetry.api.common.AttributeKey.stringKey("messaging.destination.name")));
    }

    private SpanData awaitSpan(Predicate<SpanData> match, String what) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Optional<SpanData> found = spans.getFinishedSpanItems().stream().filter(match).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        List<String> seen = spans.getFinishedSpanItems().stream().map(s -> s.getKind() + " " + s.getName()).toList();
        throw new AssertionError("no " + what + " within 60 s; spans: " + seen);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    record Traceparent(String traceId, String spanId) {
        static Traceparent of(Header header) {
            assertNotNull(header, "the record has a traceparent header");
            String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
            assertEquals(4, parts.length, "version-traceid-spanid-flags");
            return new Traceparent(parts[1], parts[2]);
        }
    }
}
