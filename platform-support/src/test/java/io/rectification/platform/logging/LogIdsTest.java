package io.rectification.platform.logging;

import io.rectification.platform.testing.LogCapture;
import io.rectification.platform.testing.LogCapture.Line;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request id filter and the event log context on their own: the ids they put in the MDC, as
 * the log records written meanwhile carry them, and an MDC as empty afterwards as before.
 */
@Tag("fast")
class LogIdsTest {

    LogCapture capture;

    final Logger requestLines = Logger.getLogger(RequestIds.class.getName());

    @BeforeEach
    void listen() {
        MDC.clear();
        capture = LogCapture.start();
        requestLines.setLevel(Level.ALL); // every request's line, as with the category at DEBUG
    }

    @AfterEach
    void stopListening() {
        capture.close();
        requestLines.setLevel(null);
        MDC.clear();
    }

    @Test
    void onlyAFailedRequestIsLoggedAboveDebug() {
        requestLines.setLevel(Level.INFO);
        RequestIds filter = new RequestIds();
        Exchange answered = new Exchange("POST", "gw-answered");
        filter.begin(answered.request());
        answered.status = 201;
        filter.end(answered.request(), answered.response());
        Exchange failed = new Exchange("GET", "gw-failed");
        filter.begin(failed.request());
        failed.status = 503;
        filter.end(failed.request(), failed.response());

        List<Line> lines = capture.lines(l -> l.logger().equals(RequestIds.class.getName()));
        assertEquals(1, lines.size(), "the answered request's line is below INFO: " + lines);
        assertEquals("gw-failed", lines.get(0).mdc("requestId"));
        assertTrue(lines.get(0).message().matches("GET 503 \\d+ ms"), lines.get(0).message());
        assertEquals("gw-answered", answered.responseHeaders.getFirst(RequestIds.HEADER), "echoed all the same");
    }

    @Test
    void aSafeRequestIdIsKeptEchoedAndInTheRequestsLogLinesOnly() {
        Exchange exchange = new Exchange("POST", "gw-0a1b2c3d4e5f.v1_x");
        RequestIds filter = new RequestIds();

        filter.begin(exchange.request());
        assertEquals("gw-0a1b2c3d4e5f.v1_x", MDC.get(RequestIds.MDC_KEY), "in the MDC while the request is served");
        Logger.getLogger("io.rectification.somewhere").info("handling it");
        exchange.status = 201;
        filter.end(exchange.request(), exchange.response());

        assertEquals("gw-0a1b2c3d4e5f.v1_x", exchange.responseHeaders.getFirst(RequestIds.HEADER), "echoed");
        assertTrue(MDC.getMap().isEmpty(), "nothing left in the MDC after the request: " + MDC.getMap());
        Line handling = line("handling it");
        assertEquals("gw-0a1b2c3d4e5f.v1_x", handling.mdc().get("requestId"));
        Line request = capture.line(l -> l.logger().equals(RequestIds.class.getName()), "of the request");
        assertTrue(request.message().matches("POST 201 \\d+ ms"), "method, status, duration: " + request.message());
        assertEquals("gw-0a1b2c3d4e5f.v1_x", request.mdc().get("requestId"));

        Logger.getLogger("io.rectification.somewhere").info("after it");
        assertNull(line("after it").mdc().get("requestId"), "a line after the request has no request id");
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        for (String bad : List.of("a\nforged log line", "{\"json\":1}", "x".repeat(65), "", "tracking/ABC 123", "编号")) {
            Exchange exchange = new Exchange("GET", bad);
            RequestIds filter = new RequestIds();
            filter.begin(exchange.request());
            String used = MDC.get(RequestIds.MDC_KEY).toString();
            exchange.status = 200;
            filter.end(exchange.request(), exchange.response());

            assertNotEquals(bad, used);
            assertTrue(used.matches("[0-9a-f-]{36}"), "a new id instead of " + bad + ": " + used);
            assertEquals(used, exchange.responseHeaders.getFirst(RequestIds.HEADER));
        }
        Exchange none = new Exchange("GET", null);
        new RequestIds().begin(none.request());
        assertTrue(MDC.get(RequestIds.MDC_KEY).toString().matches("[0-9a-f-]{36}"), "a new id for a request without one");
        assertTrue(RequestIds.accept("x".repeat(64)).equals("x".repeat(64)), "64 characters are kept");
    }

    @Test
    void anEventsIdAndTraceAreInTheMdcWhileItIsApplied() {
        ConsumerRecord<String, byte[]> record = record("7d0e6b7c-1111-4222-8333-944455556666",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        MDC.put("requestId", "outer");
        try (EventLogContext ignored = EventLogContext.of(record)) {
            Logger.getLogger("io.rectification.handler").warning("applying");
        }
        Line applying = line("applying");
        assertEquals("7d0e6b7c-1111-4222-8333-944455556666", applying.mdc().get("eventId"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", applying.mdc().get("traceId"));
        assertEquals(Map.of("requestId", "outer"), MDC.getMap(), "the MDC as it was before");
    }

    @Test
    void aMalformedTraceparentOrUnsafeIdIsLeftOut() {
        for (String traceparent : List.of("00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4BF92F-00f067aa0ba902b7-01", "garbage")) {
            assertNull(EventLogContext.traceId(traceparent), traceparent);
        }
        try (EventLogContext ignored = EventLogContext.of(record("id\nforged", "nonsense"))) {
            Logger.getLogger("io.rectification.handler").warning("poison");
        }
        assertFalse(line("poison").mdc().containsKey("eventId"));
        assertFalse(line("poison").mdc().containsKey("traceId"));
        assertTrue(MDC.getMap().isEmpty());
    }

    @Test
    void aBatchCarriesAllItsEventIds() {
        List<ConsumerRecord<String, byte[]>> batch = List.of(record("e-1", null), record("e-2", null), record("e 3", null));
        try (EventLogContext ignored = EventLogContext.ofBatch(batch)) {
            Logger.getLogger("io.rectification.handler").info("batch");
        }
        assertEquals("e-1,e-2", line("batch").mdc().get("eventIds"), "the safe ids of the batch");
        assertTrue(MDC.getMap().isEmpty());
    }

    private Line line(String message) {
        return capture.line(l -> message.equals(l.message()), "'" + message + "'");
    }

    private static ConsumerRecord<String, byte[]> record(String eventId, String traceparent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("tasks-events", 0, 7L, "key",
                "{}".getBytes(StandardCharsets.UTF_8));
        if (eventId != null) {
            record.headers().add(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)));
        }
        if (traceparent != null) {
            record.headers().add(new RecordHeader("traceparent", traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /** Just what the filter reads and writes of a request and its response. */
    static final class Exchange {
        final String method;
        final String requestId;
        final Map<String, Object> properties = new HashMap<>();
        final MultivaluedMap<String, Object> responseHeaders = new MultivaluedHashMap<>();
        int status;

        Exchange(String method, String requestId) {
            this.method = method;
            this.requestId = requestId;
        }

        ContainerRequestContext request() {
            return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ContainerRequestContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getHeaderString" -> RequestIds.HEADER.equalsIgnoreCase((String) args[0]) ? requestId : null;
                        case "getMethod" -> method;
                        case "setProperty" -> properties.put((String) args[0], args[1]);
                        case "getProperty" -> properties.get((String) args[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        ContainerResponseContext response() {
            return (ContainerResponseContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{ContainerResponseContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getHeaders" -> responseHeaders;
                        case "getStatus" -> status;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
