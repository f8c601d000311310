package io.rectification.reporting.rebuild;

import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.Counts;
import io.rectification.platform.testing.StaffTokens;
import org.junit.jupiter.api.extension.ExtendWith;
import io.agroal.api.AgroalDataSource;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rectification.platform.events.EventConsumers;
import io.rectification.reporting.projection.ConsumerNames;
import io.rectification.reporting.projection.TaskChanges;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.reporting.ContractEvents;
import io.rectification.reporting.projection.AnotherInstance;
import io.rectification.reporting.RefusedDeadLetters;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import io.rectification.platform.events.EventTopics;
import io.rectification.platform.testing.EventProbe;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@ExtendWith(StaffTokens.class)
class RebuildTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventConsumers consumers;

    @Inject
    ConsumerNames names;

    @Inject
    MeterRegistry meters;

    @Inject
    RebuildRecords records;

    @Test
    void rebuildReplaysTheTopicsIntoTheSameReadModels() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        UUID done = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(done, area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        ContractEvents.sendTask("TaskVerified", plan.task(done, area, problem, 1, "VERIFIED", "2025-03-31"), 2);
        ContractEvents.sendTask("TaskCreated", plan.task(late, area, problem, 2, "IN_PROGRESS", "2025-01-31"), 1);
        // 撤销: a task, and an area with its problem and its task, cancelled (in no figure, kept in the rows)
        UUID twice = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(twice, area, problem, 3, "IN_PROGRESS", "2025-01-31"), 1);
        ContractEvents.sendTask("TaskCancelled", plan.task(twice, area, problem, 3, "IN_PROGRESS", "2025-01-31")
                .put("cancelledAt", "2025-02-01T09:00:00+08:00"), 2);
        UUID otherArea = plan.registerArea(2, "误录入的方面");
        UUID otherProblem = plan.registerProblem(otherArea, 1, "误录入的问题");
        UUID ofOther = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(ofOther, otherArea, otherProblem, 1, "PLANNED", "2025-01-31"), 1);
        ContractEvents.sendTask("TaskCancelled", plan.task(ofOther, otherArea, otherProblem, 1, "PLANNED", "2025-01-31")
                .put("cancelledAt", "2025-02-01T09:00:00+08:00"), 2);
        ContractEvents.send(EventTopics.TASKS, "ProblemCancelled", "Problem", otherProblem, 2, Map.of("problem", Map.of(
                "id", otherProblem.toString(), "version", 2, "inspectionId", plan.inspectionId.toString(),
                "areaId", otherArea.toString(), "number", 1, "title", "误录入的问题", "source", "PLAN",
                "cancelledAt", "2025-02-01T09:00:01+08:00")));
        ContractEvents.send(EventTopics.TASKS, "AreaCancelled", "Area", otherArea, 2, Map.of("area", Map.of(
                "id", otherArea.toString(), "version", 2, "inspectionId", plan.inspectionId.toString(), "number", 2,
                "title", "误录入的方面", "cancelledAt", "2025-02-01T09:00:02+08:00")));
        UUID publication = plan.publish("2025-11-06T00:00:00+08:00", "2025-11-13T23:59:59+08:00");
        String received = ContractEvents.sendFeedback("FeedbackReceived", plan.feedback(UUID.randomUUID(), publication,
                "EMAIL", "RECEIVED", "2025-11-07T08:00:00+08:00"), 1, Map.of());

        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                    .when().get("/dashboard/summary").then().statusCode(200)
                    .body("tasks", equalTo(2)).body("verified", equalTo(1)).body("overdue", equalTo(1));
            given().queryParam("inspectionId", inspection).when().get("/dashboard/feedback").then()
                    .body("received", equalTo(1));
            assertEquals(4, cancelledRows(plan.inspectionId), "the two cancelled tasks, the problem and the area");
        });
        String summary = figures(inspection);
        String rows = structureRows(plan.inspectionId);

        // Damage the read models behind the consumers' back: only a replay of the events can repair it.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement damage = connection.prepareStatement(
                     "UPDATE rm_task SET state = 'DAMAGED', percent_complete = 0, cancelled_at = NULL WHERE inspection_id = ?")) {
            damage.setObject(1, plan.inspectionId);
            assertEquals(4, damage.executeUpdate());
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement damage = connection.prepareStatement(
                     "UPDATE rm_area SET cancelled_at = NULL WHERE inspection_id = ?")) {
            damage.setObject(1, plan.inspectionId);
            assertEquals(2, damage.executeUpdate());
        }
        // and the summary's counters (rm_task_tally) apart from the rows they count
        try (Connection connection = dataSource.getConnection();
             PreparedStatement damage = connection.prepareStatement(
                     "UPDATE rm_task_tally SET tasks = tasks + 5 WHERE inspection_id = ?")) {
            damage.setObject(1, plan.inspectionId);
            assertTrue(damage.executeUpdate() > 0);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement damage = connection.prepareStatement(
                     "UPDATE rm_feedback_tally SET received = received + 5 WHERE inspection_id = ?")) {
            damage.setObject(1, plan.inspectionId);
            assertEquals(1, damage.executeUpdate());
        }
        // told as every writer of rm_task tells it (TaskChanges), else the figures kept from before are sent
        try (Connection connection = dataSource.getConnection();
             PreparedStatement announce = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            announce.setString(1, TaskChanges.CHANNEL);
            announce.execute();
        }
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .queryParam("asOf", "2025-04-01").when().get("/dashboard/summary").then().body("verified", equalTo(0)));

        // A consumer this rebuild does not replay keeps its record of consumed events.
        String othersEvent = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement other = connection.prepareStatement(
                     "INSERT INTO consumed_event (consumer, event_id) VALUES ('a-consumer-not-replayed', ?)")) {
            other.setString(1, othersEvent);
            assertEquals(1, other.executeUpdate());
        }

        // a rebuild still replaying (another test's) would refuse this one: wait until none is
        awaitNoRebuildRunning();
        String tablesBefore = readModelTables();
        String rebuild = given().header("X-Actor", "admin-li").when().post("/admin/rebuild")
                .then().statusCode(202)
                .header("Location", endsWith("/admin/rebuild"))
                .body("tasksCleared", greaterThanOrEqualTo(2))
                .body("eventsToReplay.'rectification.tasks.v1'", greaterThanOrEqualTo(5))
                .extract().path("id");

        // DONE means replayed: the figures are back at once, not some time later
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/rebuild").then().statusCode(200)
                .body("id", equalTo(rebuild)).body("state", equalTo("DONE")));
        assertEquals(summary, figures(inspection));
        assertEquals(rows, structureRows(plan.inspectionId), "the rows the live consumer left, cancelled_at with them");
        assertEquals(List.of(), countersUnlikeTheRows(), "rm_task_tally after the rebuild");
        assertEquals(List.of(), differences("SELECT inspection_id, count(*), count(answered_at) FROM rm_feedback GROUP BY 1",
                "SELECT inspection_id, received, answered FROM rm_feedback_tally"), "rm_feedback_tally after the rebuild");
        // the fresh tables swapped in are the read models' own: columns, constraints, indexes and triggers by name
        assertEquals(tablesBefore, readModelTables());
        // the consumed-event record, replaced as well: the replayed events in it, the other consumer's kept
        assertEquals(1, consumedRecords(names.feedback(), received));
        assertEquals(1, consumedRecords("a-consumer-not-replayed", othersEvent));
        given().when().get("/admin/rebuild").then()
                .body("startedBy", equalTo("admin-li"))
                .body("topics.topic", hasItems("rectification.tasks.v1", "rectification.feedback.v1"))
                .body("topics.find { it.topic == 'rectification.tasks.v1' }.replayed", greaterThanOrEqualTo(5))
                .body("topics.findAll { it.replayed != it.toReplay }", empty());

        // who rebuilt, when and what was cleared is on the audit trail
        given().header("X-Test-Roles", "supervisor").when().get("/audit/ReadModelRebuild/" + rebuild)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].actor", equalTo("admin-li"))
                .body("[0].action", equalTo("ReadModelsRebuilt"))
                .body("[0].after", containsString("\"tasksCleared\""));
        given().when().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aPoisonMessageDoesNotFailARebuildAndAFailedRebuildKeepsTheReadModels() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        String marker = "poison-" + UUID.randomUUID();
        EventProbe.sendBytes(EventTopics.TASKS, marker, ("\u0000" + marker).getBytes(StandardCharsets.UTF_8));
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> {
            given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                    .when().get("/dashboard/summary").then().statusCode(200).body("tasks", equalTo(1));
            given().queryParam("limit", 1000).when().get("/dead-letters").then()
                    .body("payload", hasItem(containsString(marker)));
        });
        String summary = figures(inspection);
        awaitNoRebuildRunning();

        // The replay meets the poison again, and this time the dead-letter table refuses it: the replay
        // fails, and the read models must be exactly as they were, not empty.
        try (RefusedDeadLetters refused = RefusedDeadLetters.holding(dataSource, marker)) {
            String failed = given().when().post("/admin/rebuild").then().statusCode(202).extract().path("id");
            await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/rebuild").then().statusCode(200)
                    .body("id", equalTo(failed)).body("state", equalTo("FAILED"))
                    .body("detail", containsString("the read models are as before")));
            assertEquals(summary, figures(inspection));
            given().queryParam("limit", 1000).when().get("/dead-letters").then()
                    .body("payload", hasItem(containsString(marker)));
        }

        // With the table willing, the poison is dead-lettered again and the rebuild completes.
        rebuildToTheEnd();
        assertEquals(summary, figures(inspection));
        given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .body("payload", hasItem(containsString(marker)));
    }

    /**
     * A live consumer of another instance holding a problem's lock ({@code ProblemSourceLocks}) does not
     * stall a rebuild: the replay, one transaction for the whole rebuild, takes none (held to its end,
     * they would have stalled every live instance's polls of those problems as long).
     */
    @Test
    void aRebuildWaitsForNoProblemLockALiveInstanceHolds() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/read-models/tasks/" + task).then().statusCode(200));
        awaitNoRebuildRunning();
        try (Connection live = dataSource.getConnection()) {
            live.setAutoCommit(false);
            AnotherInstance.holdProblemLock(live, problem);
            rebuildToTheEnd();
            live.rollback();
        }
    }

    /**
     * A rebuild reads every message again: one an operator dismissed stays dismissed, once (it is not
     * recorded open again, which would reopen what they closed and raise the alert anew).
     */
    @Test
    void aMessageTheOperatorDismissedStaysDismissedThroughARebuild() {
        String marker = "dismissed-" + UUID.randomUUID();
        EventProbe.sendBytes(EventTopics.TASKS, marker, ("\u0000" + marker).getBytes(StandardCharsets.UTF_8));
        String mine = "findAll { it.payload != null && it.payload.contains('" + marker + "') }";
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .body(mine + ".size()", equalTo(1)));
        int id = given().queryParam("limit", 1000).when().get("/dead-letters").then().extract().path(mine + "[0].id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "测试时手工发送的无效消息")).when()
                .post("/dead-letters/" + id + "/dismissal").then().statusCode(200);
        awaitNoRebuildRunning();

        rebuildToTheEnd();
        given().queryParam("limit", 1000).when().get("/dead-letters").then()
                .body(mine + ".id", equalTo(List.of(id)))
                .body(mine + "[0].resolution.outcome", equalTo("DISMISSED"));
    }

    /**
     * A dismissed message is not applied by a replay either, even one that would apply now (after a
     * fix, say): the operator said it must not be, and live consumption never applied it. Here the
     * live consumer applied the close-out and the test then records its position as dismissed, as
     * a dismissal leaves it; the rebuild must leave the task as the events before it made it.
     */
    @Test
    void aReplayLeavesADismissedMessageUnappliedEvenWhenItWouldApplyNow() throws Exception {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        UUID task = UUID.randomUUID();
        ContractEvents.sendTask("TaskCreated", plan.task(task, area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        var closeOut = ContractEvents.sendTaskPlaced("TaskVerified", plan.task(task, area, problem, 1, "VERIFIED", "2025-03-31"), 2);
        String inspection = plan.inspectionId.toString();
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().statusCode(200).body("tasks", equalTo(1)).body("verified", equalTo(1)));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement dismissed = connection.prepareStatement("""
                     INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, reason, payload,
                                              attempts, resolution, resolved_at, resolved_by, dismissal_reason)
                     VALUES (?, ?, ?, ?, 'not applied: test', '\\x00', 1, 'DISMISSED', now(), 'yunwei', '误发的销号消息')""")) {
            dismissed.setString(1, names.tasks());
            dismissed.setString(2, closeOut.topic());
            dismissed.setInt(3, closeOut.partition());
            dismissed.setLong(4, closeOut.offset());
            assertEquals(1, dismissed.executeUpdate());
        }
        awaitNoRebuildRunning();

        rebuildToTheEnd();
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().statusCode(200)
                .body("tasks", equalTo(1)).body("verified", equalTo(0)).body("overdue", equalTo(1));
    }

    /**
     * The status is the rebuild's record, not the memory of the instance that started it: another
     * instance (or this one restarted) tells it the same, and refuses a second rebuild while it runs.
     */
    @Test
    void aRebuildRunningOnAnotherInstanceIsToldHereAndRefusesASecond() {
        awaitNoRebuildRunning();
        AdjustableClock.pinAt(Instant.parse("2026-03-02T01:00:00Z"));
        UUID elsewhere = UUID.randomUUID();
        try {
            records.begin(elsewhere, "admin-zhao", replayed(0));
            records.progressed(elsewhere, replayed(25));

            // a progress bean that never saw it, as after a restart, and this instance's over HTTP
            RebuildProgress.Status restarted = new RebuildProgress(records, Duration.ofSeconds(1)).latest().orElseThrow();
            assertEquals(elsewhere, restarted.id());
            assertEquals(RebuildProgress.State.RUNNING, restarted.state());
            given().when().get("/admin/rebuild").then().statusCode(200)
                    .body("id", equalTo(elsewhere.toString())).body("state", equalTo("RUNNING"))
                    .body("startedBy", equalTo("admin-zhao")).body("startedAt", equalTo("2026-03-02T09:00:00+08:00"))
                    .body("topics[0].replayed", equalTo(25)).body("topics[0].toReplay", equalTo(40))
                    .body("topics[0].partitions[0].to", equalTo(40));
            given().when().post("/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                    .body("rebuild", equalTo(elsewhere.toString()));
        } finally {
            forget(elsewhere);
        }
    }

    /**
     * A RUNNING run whose instance stopped writing its heartbeat for reporting.rebuild.stale-after
     * (30 s) is told FAILED, and no longer holds the next rebuild back, which records it so.
     */
    @Test
    void aRunningRebuildWhoseInstanceStoppedIsToldInterrupted() throws Exception {
        awaitNoRebuildRunning();
        AdjustableClock.pinAt(Instant.parse("2026-03-02T01:00:00Z"));
        UUID stopped = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        try {
            records.begin(stopped, "admin-zhao", replayed(0));
            records.progressed(stopped, replayed(25));
            AdjustableClock.pinAt(Instant.parse("2026-03-02T01:00:30Z"));
            given().when().get("/admin/rebuild").then().body("state", equalTo("RUNNING"));

            AdjustableClock.pinAt(Instant.parse("2026-03-02T01:00:31Z"));
            given().when().get("/admin/rebuild").then().statusCode(200)
                    .body("id", equalTo(stopped.toString())).body("state", equalTo("FAILED"))
                    .body("finishedAt", equalTo("2026-03-02T09:00:00+08:00"))
                    .body("detail", containsString("the instance replaying it stopped"))
                    .body("detail", containsString("the read models are those from before the rebuild"))
                    .body("topics[0].replayed", equalTo(25));
            records.begin(next, "admin-li", replayed(0));
            assertEquals("FAILED", recordedState(stopped));
        } finally {
            forget(stopped, next);
        }
    }

    /** One topic of 40 events, {@code replayed} of them replayed. */
    private static List<RebuildProgress.TopicProgress> replayed(long replayed) {
        return List.of(new RebuildProgress.TopicProgress("rectification.tasks.v1", "test-tasks", replayed, 40,
                List.of(new RebuildProgress.PartitionProgress(0, 0, 40, replayed))));
    }

    private String recordedState(UUID id) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT state FROM read_model_rebuild WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** The test's runs gone, so the latest is again a real one, and the clock released. */
    private void forget(UUID... ids) {
        AdjustableClock.release();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM read_model_rebuild WHERE id::text = ANY(?)")) {
            delete.setArray(1, connection.createArrayOf("text", java.util.Arrays.stream(ids).map(UUID::toString).toArray()));
            delete.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every rm_* table's columns, constraints, indexes and triggers as PostgreSQL defines them, and that none is elsewhere. */
    private String readModelTables() throws Exception {
        StringBuilder tables = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT n.nspname || '.' || c.relname || ' ' || kind || ' ' || definition FROM (
                         SELECT a.attrelid AS rel, 'column' AS kind, row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum) || ' ' || a.attname || ' '
                                || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull || ' '
                                || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS definition
                         FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                         WHERE a.attnum > 0 AND NOT a.attisdropped
                         UNION ALL SELECT conrelid, 'constraint', conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                         UNION ALL SELECT indrelid, 'index', pg_get_indexdef(indexrelid) FROM pg_index
                         UNION ALL SELECT tgrelid, 'trigger', pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
                     ) d JOIN pg_class c ON c.oid = d.rel JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE (c.relname LIKE 'rm\\_%' OR c.relname = 'consumed_event') AND c.relkind = 'r' ORDER BY 1""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tables.append(rows.getString(1)).append('\n');
            }
        }
        assertTrue(tables.toString().contains("public.rm_task trigger CREATE TRIGGER rm_task_tally_inserted"), tables.toString());
        assertTrue(tables.toString().contains("public.consumed_event constraint consumed_event_pkey"), tables.toString());
        return tables.toString();
    }

    private long consumedRecords(String consumer, String eventId) throws Exception {
        return Counts.of(dataSource, "SELECT count(*) FROM consumed_event WHERE consumer = ? AND event_id = ?", consumer, eventId);
    }

    @Test
    void aLiveConsumerBehindTheRebuildMovesToItsEndInsteadOfReadingTheReplayedEventsAgain() throws Exception {
        awaitNoRebuildRunning();
        int tasks = 20;
        ContractEvents plan = new ContractEvents();
        List<ObjectNode> written = new ArrayList<>();
        double receivedBefore = receivedLive();
        // Written while the live consumers stand still, as for a service that was down: only the
        // rebuild applies them. It is asked for while they are held and waits for them longer than
        // a consumer's next attempt (500 ms), so the fair locks go to it first.
        consumers.whilePaused(names.all(), Duration.ofSeconds(30), () -> {
            plan.registerInspection();
            UUID area = plan.registerArea(1, "落实全面从严治党责任不到位");
            UUID problem = plan.registerProblem(area, 1, "主体责任压得不实");
            for (int i = 1; i <= tasks; i++) {
                ObjectNode task = plan.task(UUID.randomUUID(), area, problem, i, "IN_PROGRESS", "2025-06-30");
                ContractEvents.sendTask("TaskCreated", task, 1);
                written.add(task);
            }
            given().when().post("/admin/rebuild").then().statusCode(202);
            Thread.sleep(1_500);
            return null;
        });
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/rebuild").then().body("state", equalTo("DONE")));
        String inspection = plan.inspectionId.toString();
        given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().body("tasks", equalTo(tasks));

        // Each task's next event lies behind its first in the same partition: once these are
        // applied live, the consumer has passed the replayed ones, read or skipped.
        for (ObjectNode task : written) {
            ContractEvents.sendTask("TaskVerified", task.put("state", "VERIFIED"), 2);
        }
        await().atMost(WAIT).untilAsserted(() -> given().queryParam("inspectionId", inspection)
                .queryParam("asOf", "2025-04-01").when().get("/dashboard/summary").then().body("verified", equalTo(tasks)));
        double received = receivedLive() - receivedBefore;
        // 20 verifications; reading the replayed events again would add their 23 (other tests' strays stay under that)
        assertTrue(received >= tasks && received < 2 * tasks + 3,
                "the live consumer received " + received + " events; the replayed ones again?");
    }

    /** Events the live tasks consumer has received since it started. */
    private double receivedLive() {
        Timer received = meters.find("rectification.consumer.event.age")
                .tags("consumer", names.tasks(), "stage", "received").timer();
        return received == null ? 0 : received.count();
    }

    /** A rebuild asked for now, waited for until it is DONE. */
    private void rebuildToTheEnd() {
        String id = given().when().post("/admin/rebuild").then().statusCode(202).extract().path("id");
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/admin/rebuild").then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("DONE")));
    }

    private void awaitNoRebuildRunning() {
        await().atMost(WAIT).until(() -> given().when().get("/admin/rebuild").statusCode() == 404
                || !"RUNNING".equals(given().when().get("/admin/rebuild").then().extract().path("state")));
    }

    @Test
    void liveConsumptionShowsItsLagAndLastAppliedEventInTheApiAndMetrics() {
        ContractEvents plan = new ContractEvents();
        plan.registerInspection();
        UUID area = plan.registerArea(1, "贯彻落实党中央决策部署不到位");
        UUID problem = plan.registerProblem(area, 1, "深入贯彻落实党的二十大精神");
        ContractEvents.sendTask("TaskCreated", plan.task(UUID.randomUUID(), area, problem, 1, "IN_PROGRESS", "2025-03-31"), 1);
        java.time.Instant sent = java.time.Instant.now();

        await().atMost(WAIT).untilAsserted(() -> given().header("X-Test-Roles", "integration")
                .when().get("/admin/consumers").then().statusCode(200)
                .body("topic", hasItems("rectification.tasks.v1", "rectification.feedback.v1"))
                .body("find { it.topic == 'rectification.tasks.v1' }.running", equalTo(true))
                .body("find { it.topic == 'rectification.tasks.v1' }.lag", equalTo(0))
                .body("find { it.topic == 'rectification.tasks.v1' }.partitions.size()", greaterThanOrEqualTo(1))
                // caught up: the group has committed every partition's end
                .body("find { it.topic == 'rectification.tasks.v1' }.partitions.findAll { it.committedOffset != it.endOffset && it.endOffset > 0 }", empty())
                .body("find { it.topic == 'rectification.tasks.v1' }.lastAppliedAt", notNullValue()));
        String lastApplied = given().when().get("/admin/consumers").then()
                .extract().path("find { it.topic == 'rectification.tasks.v1' }.lastAppliedAt");
        org.junit.jupiter.api.Assertions.assertFalse(java.time.Instant.parse(lastApplied).isBefore(sent.minusSeconds(1)),
                lastApplied + " is before the event was sent at " + sent);

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            org.junit.jupiter.api.Assertions.assertTrue(metrics.matches(
                    "(?s).*rectification_consumer_lag\\{consumer=\"[^\"]+-tasks\",partition=\"0\",topic=\"rectification.tasks.v1\"\\} 0(\\.0)?\n.*"),
                    metrics);
            org.junit.jupiter.api.Assertions.assertTrue(metrics.matches(
                    "(?s).*rectification_consumer_last_applied_timestamp_seconds\\{consumer=\"[^\"]+-tasks\"\\} [1-9].*"), metrics);
        });
    }

    @Test
    void lagAndProgressAreForOperators() {
        given().header("X-Test-Anonymous", "true").when().get("/admin/consumers")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Test-Roles", "officer").when().get("/admin/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void rebuildIsForAdminsOnly() {
        given().header("X-Test-Anonymous", "true").when().post("/admin/rebuild")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Test-Roles", "coordinator,supervisor").when().post("/admin/rebuild")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static String figures(String inspection) {
        return given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/summary").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection).queryParam("asOf", "2025-04-01")
                .when().get("/dashboard/areas").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection)
                .when().get("/dashboard/feedback").then().statusCode(200).extract().asString()
                + given().queryParam("inspectionId", inspection)
                .when().get("/read-models/publications").then().statusCode(200).extract().asString();
    }

    /** The inspection's task, problem and area rows cancelled (撤销). */
    private long cancelledRows(UUID inspection) throws Exception {
        return Counts.of(dataSource, """
                SELECT (SELECT count(*) FROM rm_task WHERE inspection_id = ? AND cancelled_at IS NOT NULL)
                     + (SELECT count(*) FROM rm_problem WHERE inspection_id = ? AND cancelled_at IS NOT NULL)
                     + (SELECT count(*) FROM rm_area WHERE inspection_id = ? AND cancelled_at IS NOT NULL)""",
                inspection, inspection, inspection);
    }

    /** The inspection's area, problem and task rows (versions, source or state, cancelled_at), in id order. */
    private String structureRows(UUID inspection) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT 'area', id, version, NULL, cancelled_at FROM rm_area WHERE inspection_id = ?
                     UNION ALL SELECT 'problem', id, version, source, cancelled_at FROM rm_problem WHERE inspection_id = ?
                     UNION ALL SELECT 'task', id, version, state, cancelled_at FROM rm_task WHERE inspection_id = ?
                     ORDER BY 1, 2""")) {
            for (int i = 1; i <= 3; i++) {
                select.setObject(i, inspection);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= 5; column++) {
                        out.append(rows.getString(column)).append(column < 5 ? "|" : "\n");
                    }
                }
            }
        }
        return out.toString();
    }

    /** Counter rows that differ from counting rm_task's standing rows (both ways): none when they agree. */
    private List<String> countersUnlikeTheRows() throws Exception {
        String counted = "SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, count(*) AS tasks,"
                + " sum(coalesce(percent_complete, 0)) AS percent_sum FROM rm_task WHERE cancelled_at IS NULL"
                + " GROUP BY 1, 2, 3, 4, 5, 6";
        String kept = "SELECT inspection_id, problem_source, deadline, state, kind, report_due_on, tasks, percent_sum"
                + " FROM rm_task_tally";
        return differences(counted, kept);
    }

    /** Rows of {@code counted} not in {@code kept} and the other way round: none when they agree. */
    private List<String> differences(String counted, String kept) throws Exception {
        List<String> differences = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("(" + counted + " EXCEPT " + kept + ") UNION ALL ("
                     + kept + " EXCEPT " + counted + ")");
             java.sql.ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    row.append(column > 1 ? "|" : "").append(rows.getString(column));
                }
                differences.add(row.toString());
            }
        }
        return differences;
    }
}
