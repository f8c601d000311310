package io.rectification.reporting.consumption;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.projection.ConsumerNames;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer commits its offsets without waiting for the commit (EventConsumers): an applied
 * poll's offsets still reach the group, with no later event to carry them, so a restarted
 * instance starts after what was applied.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class CommittedOffsetsTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ConsumerLag lag;

    @Inject
    ConsumerNames names;

    @Test
    void theOffsetsOfAnAppliedEventAreCommittedWithoutAnotherEventBehindIt() {
        ContractEvents plan = new ContractEvents();
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, UUID.randomUUID(), UUID.randomUUID(), 1, "PLANNED",
                "2025-06-30"), 1);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task)
                .then().statusCode(200).body("state", equalTo("PLANNED")));

        await().atMost(WAIT).untilAsserted(() -> assertEquals(0L, lag.current().stream()
                .filter(consumer -> consumer.consumer().equals(names.tasks()))
                .findFirst().orElseThrow().lag()));
    }
}
