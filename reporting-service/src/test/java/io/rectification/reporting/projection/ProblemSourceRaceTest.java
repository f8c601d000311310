package io.rectification.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.events.ConsumedEvents;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.testing.LockWaits;
import io.rectification.reporting.ContractEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task and its problem applied at the same moment by two instances (their events are on different
 * partitions): whichever commits first, the task ends with its problem's source. Before
 * {@link ProblemSourceLocks} each transaction saw none of the other's rows and the task kept no
 * source, so the dashboards' scope left it out for good. The transactions are held open by hand, one
 * applied and waiting while the other is applied.
 */
@QuarkusTest
class ProblemSourceRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-01T09:00:00+08:00");

    @Inject
    TasksEventHandler handler;

    @Inject
    ConsumedEvents consumedEvents;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTaskAppliedWhileItsProblemIsBeingAppliedGetsTheProblemsSource() throws Exception {
        Plan plan = new Plan();
        appliedSideBySide(plan.problem(), plan.task());
        assertEquals("FEEDBACK", problemSource(plan.taskId));
    }

    @Test
    void aProblemAppliedWhileItsTaskIsBeingAppliedGivesTheTaskItsSource() throws Exception {
        Plan plan = new Plan();
        appliedSideBySide(plan.task(), plan.problem());
        assertEquals("FEEDBACK", problemSource(plan.taskId));
    }

    /**
     * {@code first} applied in a transaction left open; {@code second} applied in another meanwhile,
     * until it waits for the first (or, without the locks, ends); then the first commits.
     */
    private void appliedSideBySide(EventEnvelope first, EventEnvelope second) throws Exception {
        CountDownLatch firstApplied = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> firstDone = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            consumedEvents.applyAllOnce(handler, List.of(first));
            firstApplied.countDown();
            await(commitFirst);
        }));
        assertTrue(firstApplied.await(30, TimeUnit.SECONDS), "the first event applied");
        CompletableFuture<Void> secondDone = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> consumedEvents.applyAllOnce(handler, List.of(second))));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!secondDone.isDone() && advisoryWaits() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        commitFirst.countDown();
        firstDone.get(30, TimeUnit.SECONDS);
        secondDone.get(30, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int advisoryWaits() throws Exception {
        return LockWaits.in(dataSource, "wait_event = 'advisory'");
    }

    private String problemSource(UUID taskId) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT problem_source FROM rm_task WHERE id = ?")) {
            select.setObject(1, taskId);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "the task is stored");
                return rows.getString(1);
            }
        }
    }

    /** A 群众反映 problem (source FEEDBACK) and a task of it, as their first events. */
    private static final class Plan {
        final ContractEvents contract = new ContractEvents();
        final UUID areaId = UUID.randomUUID();
        final UUID problemId = UUID.randomUUID();
        final UUID taskId = UUID.randomUUID();

        EventEnvelope problem() {
            ObjectNode problem = JSON.createObjectNode().put("id", problemId.toString())
                    .put("inspectionId", contract.inspectionId.toString()).put("areaId", areaId.toString())
                    .put("number", 1).put("title", "园区道路积水治理不及时").put("source", "FEEDBACK")
                    .put("sourceFeedbackId", UUID.randomUUID().toString()).put("percentComplete", 0);
            return envelope("ProblemRegistered", "Problem", problemId, "problem", problem);
        }

        EventEnvelope task() {
            return envelope("TaskCreated", "Task", taskId, "task",
                    contract.task(taskId, areaId, problemId, 1, "IN_PROGRESS", "2025-06-30"));
        }

        private static EventEnvelope envelope(String type, String aggregateType, UUID subject, String member,
                                              ObjectNode snapshot) {
            ObjectNode data = JSON.createObjectNode();
            data.set(member, snapshot);
            return new EventEnvelope("1.0", UUID.randomUUID().toString(), "/tasks-service", type, subject.toString(),
                    T0, "application/json", aggregateType, 1L, data);
        }
    }
}
