package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.TestTokens;
import io.rectification.reporting.ContractEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outgoing webhook against a real HTTP endpoint started here (the receiving organisation's):
 * the body signed as documented, a failing endpoint tried again with back-off, and dead-lettered
 * after the last try (notices.webhook.max-attempts = 3 in tests).
 */
@QuarkusTest
class WebhookTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    record Call(String body, String signature, String timestamp, String delivery, long at) {
    }

    @ConfigProperty(name = "notices.webhook.url")
    String url;

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** marker in the body → how many more times to answer 503 */
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final ContractEvents plan = new ContractEvents();
    HttpServer receiver;

    @BeforeEach
    void receive() throws IOException {
        URI uri = URI.create(url);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", uri.getPort()), 0);
        receiver.createContext(uri.getPath(), exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(body, exchange.getRequestHeaders().getFirst("X-Rectification-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Rectification-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Rectification-Delivery"), System.nanoTime()));
            int status = 204;
            for (Map.Entry<String, AtomicInteger> failure : failures.entrySet()) {
                if (body.contains(failure.getKey()) && failure.getValue().getAndDecrement() > 0) {
                    status = 503;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aNoticeIsPostedSignedAndTriedAgainUntilTheEndpointTakesIt() throws IOException {
        String marker = "webhook-" + UUID.randomUUID().toString().substring(0, 8);
        failures.put(marker, new AtomicInteger(2));
        ObjectNode task = claimed(marker);

        await().atMost(WAIT).until(() -> callsWith(marker).size() == 3);
        List<Call> tries = callsWith(marker);
        Call taken = tries.get(2);
        // the documented signature: HMAC-SHA256 of "<timestamp>.<body>" with the shared secret
        assertEquals(WebhookSignature.sign(MailServer.WEBHOOK_SECRET, Long.parseLong(taken.timestamp()), taken.body()),
                taken.signature());
        assertTrue(taken.signature().matches("sha256=[0-9a-f]{64}"), taken.signature());
        assertTrue(!WebhookSignature.sign("another secret", Long.parseLong(taken.timestamp()), taken.body())
                .equals(taken.signature()), "the signature depends on the secret");
        assertEquals(tries.get(0).delivery(), taken.delivery(), "one delivery id for every try of a call");
        // back-off: 200 ms, then 400 ms (doubling)
        assertTrue(tries.get(1).at() - tries.get(0).at() >= Duration.ofMillis(200).toNanos());
        assertTrue(tries.get(2).at() - tries.get(1).at() >= Duration.ofMillis(400).toNanos());

        JsonNode body = JSON.readTree(taken.body());
        assertEquals("CLAIM_TO_VERIFY", body.get("kind").asText());
        assertEquals("销号申请待核验", body.get("label").asText());
        assertEquals("[\"supervisor\"]", body.at("/audience/roles").toString());
        assertEquals(task.get("id").asText(), body.at("/facts/id").asText());
        assertTrue(body.get("title").asText().contains(marker));
        // read back from the notice table (UTC), written as every instant is: at the organisation's offset
        String occurredAt = body.get("occurredAt").asText();
        assertTrue(occurredAt.endsWith("+08:00"), occurredAt);
        assertEquals(occurredAt, OffsetDateTime.parse(occurredAt).atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> callsWith(marker).size() == 3);
    }

    @Test
    void anEndpointThatNeverTakesItGetsTheCallDeadLettered() {
        String marker = "webhook-dead-" + UUID.randomUUID().toString().substring(0, 8);
        failures.put(marker, new AtomicInteger(1000));
        ObjectNode task = claimed(marker);

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.token("yunwei", "admin"))
                .when().get("/admin/webhook-dead-letters")
                .then().statusCode(200).body("causeKey", hasItem("CLAIM_TO_VERIFY|" + task.get("id").asText() + "|2")));
        assertEquals(3, callsWith(marker).size(), "three tries, then no more");
        given().auth().oauth2(TestTokens.token("yunwei", "admin")).when().get("/admin/webhook-dead-letters")
                .then().body("find { it.causeKey == 'CLAIM_TO_VERIFY|" + task.get("id").asText() + "|2' }.lastStatus",
                        org.hamcrest.Matchers.equalTo(503))
                .body("find { it.causeKey == 'CLAIM_TO_VERIFY|" + task.get("id").asText() + "|2' }.attempts",
                        org.hamcrest.Matchers.equalTo(3));
        given().auth().oauth2(TestTokens.token("ducha", "supervisor")).when().get("/admin/webhook-dead-letters")
                .then().statusCode(403);
    }

    private ObjectNode claimed(String marker) {
        ObjectNode task = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5, "COMPLETION_CLAIMED",
                "2025-06-30").put("title", "对接测试任务-" + marker).put("responsibleUnit", "通知测试局");
        ContractEvents.sendTask("TaskCompletionClaimed", task, 2);
        return task;
    }

    private List<Call> callsWith(String marker) {
        return calls.stream().filter(c -> c.body().contains(marker)).toList();
    }
}
