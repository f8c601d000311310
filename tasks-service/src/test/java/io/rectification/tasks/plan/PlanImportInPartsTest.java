package io.rectification.tasks.plan;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskSnapshot;
import io.rectification.tasks.task.TaskSnapshots;
import io.rectification.tasks.task.TaskWork;
import jakarta.inject.Inject;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan larger than one part ({@link ImportParts#TASKS_PER_PART}) is written part by part in its one
 * transaction: the persistence context never holds more than a part's tasks (it held the whole plan
 * before, which a 96 MB heap could not take at 2,000 tasks), every row is stored, and a row that fails
 * late in the file, after earlier parts were written, still rolls back the whole plan.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanImportInPartsTest {

    private static final int ROWS = 2 * ImportParts.TASKS_PER_PART + 50;

    @Inject
    TaskWork work;

    @Inject
    Clock clock;

    @Test
    void aCsvOfMoreRowsThanOnePartIsStoredWholeWithAtMostOnePartInMemory() {
        Watching watching = watch(null);
        String inspectionId = Fixtures.inspection();

        given().contentType("text/csv").body(csv(ROWS)).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(ROWS));

        assertEquals(ROWS, tasksOf(inspectionId), "tasks stored");
        assertEquals(ROWS, titlesOf(inspectionId), "distinct task titles stored");
        assertTrue(watching.mostTasksManaged.get() <= ImportParts.TASKS_PER_PART,
                "tasks held in the persistence context at once: " + watching.mostTasksManaged.get());
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aJsonPlanOfMoreTasksThanOnePartIsStoredWholeWithAtMostOnePartInMemory() {
        Watching watching = watch(null);
        String inspectionId = given().contentType("application/json").body(jsonPlan(ROWS)).post("/plans")
                .then().statusCode(201).body("taskCount", equalTo(ROWS)).extract().path("inspectionId");

        assertEquals(ROWS, tasksOf(inspectionId), "tasks stored");
        assertTrue(watching.mostTasksManaged.get() <= ImportParts.TASKS_PER_PART,
                "tasks held in the persistence context at once: " + watching.mostTasksManaged.get());
    }

    @Test
    void aRowFailingLateInTheFileRollsBackThePartsWrittenBeforeIt() {
        int late = ROWS - 10;
        Watching watching = watch(title(late));
        String inspectionId = Fixtures.inspection();

        given().contentType("text/csv").body(csv(ROWS)).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(500);

        // the earlier parts had been written in the import's transaction when the late row failed
        assertTrue(watching.writtenWhenFailing.get() >= 2L * ImportParts.TASKS_PER_PART,
                "tasks written in the transaction when row " + late + " failed: " + watching.writtenWhenFailing.get());
        assertEquals(0, tasksOf(inspectionId), "tasks left after the failed import");
        assertEquals(0, count("SELECT count(*) FROM feedback_area WHERE inspection_id = ?1", inspectionId),
                "areas left after the failed import");
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** Snapshots as usual, noting how many tasks the persistence context holds; fails at {@code failOn}. */
    private Watching watch(String failOn) {
        Watching watching = new Watching(work, clock, failOn);
        QuarkusMock.installMockForType(watching, TaskSnapshots.class);
        return watching;
    }

    static class Watching extends TaskSnapshots {

        final AtomicLong mostTasksManaged = new AtomicLong();
        final AtomicLong writtenWhenFailing = new AtomicLong(-1);
        private final String failOn;

        Watching(TaskWork work, Clock clock, String failOn) {
            super(work, clock);
            this.failOn = failOn;
        }

        @Override
        public List<TaskSnapshot> of(List<RectificationTask> tasks) {
            Session session = RectificationTask.getEntityManager().unwrap(Session.class);
            long managed = session.getStatistics().getEntityKeys().stream()
                    .filter(key -> ((EntityKey) key).getEntityName().equals(RectificationTask.class.getName())).count();
            mostTasksManaged.accumulateAndGet(managed, Math::max);
            for (RectificationTask task : tasks) {
                if (task.title.equals(failOn)) {
                    writtenWhenFailing.set(RectificationTask.count("inspectionId", task.inspectionId));
                    throw new IllegalStateException("a row failing while it is written (the test's)");
                }
            }
            return super.of(tasks);
        }
    }

    private static String title(int row) {
        return "整改任务第" + row + "项";
    }

    /** {@code rows} tasks under problems of 50 tasks each, in one area. */
    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder(CsvPlanImportTest.HEADER);
        for (int row = 1; row <= rows; row++) {
            csv.append(CsvPlanImportTest.row("具体问题" + (row / 50), title(row), "2024-12-31", "TIME_BOUND", ""));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonPlan(int tasks) {
        StringBuilder problems = new StringBuilder();
        for (int p = 0; p * 50 < tasks; p++) {
            StringBuilder taskJson = new StringBuilder();
            for (int t = p * 50; t < Math.min(tasks, (p + 1) * 50); t++) {
                taskJson.append(taskJson.isEmpty() ? "" : ",").append(Fixtures.taskJson(title(t), "2099-12-31", "TIME_BOUND", ""));
            }
            problems.append(problems.isEmpty() ? "" : ",").append("{\"title\":\"具体问题").append(p)
                    .append("\",\"tasks\":[").append(taskJson).append("]}");
        }
        return "{\"inspection\":" + Fixtures.inspectionJson() + ",\"areas\":[{\"title\":\"反馈问题\",\"problems\":["
                + problems + "]}]}";
    }

    private static long tasksOf(String inspectionId) {
        return QuarkusTransaction.requiringNew().call(() -> RectificationTask.count("inspectionId", UUID.fromString(inspectionId)));
    }

    private static long titlesOf(String inspectionId) {
        return count("SELECT count(DISTINCT title) FROM rectification_task WHERE inspection_id = ?1", inspectionId);
    }

    private static long count(String sql, String inspectionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) RectificationTask.getEntityManager()
                .createNativeQuery(sql).setParameter(1, UUID.fromString(inspectionId)).getSingleResult()).longValue());
    }
}
