package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.meeting.MeetingService;
import io.rectification.tasks.problem.ProblemService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page is read in a fixed number of statements whatever its size: the tasks' indicators, stage
 * goals and evidence counts, the problems' roll-ups, and the meetings' decisions, their tasks
 * cancelled since and their minutes, are loaded for the whole page at once. Counted with
 * Hibernate's statistics (on in the test profile).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PageQueryCountTest {

    @Inject
    TaskService tasks;

    @Inject
    ProblemService problems;

    @Inject
    MeetingService meetings;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void aPageOfTasksTakesAsManyStatementsForFiveAsForFifty() {
        String problemId = Fixtures.freshProblem();
        for (int i = 0; i < 50; i++) {
            String taskId = Fixtures.task(problemId, Fixtures.taskJson("整改任务" + i, "2099-12-31", "LONG_TERM", """
                    "milestones":[{"title":"建立台账","dueDate":"2099-06-30"}],
                    "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"RELATIVE_PERCENT",
                                   "targetValue":10,"direction":"DECREASE"}]"""));
            given().contentType(ContentType.JSON).body(Map.of("type", "LEDGER", "title", "台账" + i, "date", "2024-10-08"))
                    .post("/tasks/" + taskId + "/evidence").then().statusCode(201);
        }
        TaskFilter ofProblem = new TaskFilter(null, null, UUID.fromString(problemId), null, null, null, null, null, null, false);

        long five = statementsOf(() -> tasks.listTasks(ofProblem, null, 0, 5).items(), 5);
        long fifty = statementsOf(() -> tasks.listTasks(ofProblem, null, 0, 50).items(), 50);

        assertEquals(five, fifty, "statements for a page of 5 and of 50 tasks");
        assertTrue(fifty < 10, "a page of 50 tasks in " + fifty + " statements");
    }

    @Test
    void aPageOfProblemsTakesAsManyStatementsForFiveAsForFifty() {
        String areaId = Fixtures.area(Fixtures.inspection(), "推进管理机制改革不彻底");
        for (int i = 0; i < 50; i++) {
            String problemId = Fixtures.problem(areaId, "具体问题" + i);
            Fixtures.task(problemId, Fixtures.taskJson("整改任务" + i, "2099-12-31", "TIME_BOUND", ""));
        }
        UUID area = UUID.fromString(areaId);

        long five = statementsOf(() -> problems.listProblems(null, area, null, false, null, 0, 5).items(), 5);
        long fifty = statementsOf(() -> problems.listProblems(null, area, null, false, null, 0, 50).items(), 50);

        assertEquals(five, fifty, "statements for a page of 5 and of 50 problems");
    }

    /** Each meeting with two decisions, one about a task (cancelled since), and its minutes. */
    @Test
    void anInspectionsMeetingsTakeAsManyStatementsForTenAsForTwo() {
        UUID two = inspectionWithMeetings(2);
        UUID ten = inspectionWithMeetings(10);

        long forTwo = statementsOf(() -> meetings.ofInspection(two).meetings(), 2);
        long forTen = statementsOf(() -> meetings.ofInspection(ten).meetings(), 10);

        assertEquals(forTwo, forTen, "statements for the meetings of an inspection with 2 and with 10");
        assertTrue(forTen <= 5, "10 meetings in " + forTen + " statements");
        given().get("/inspections/" + ten + "/meetings").then().statusCode(200)
                .body("[9].decisions.taskCancelledAt", contains(notNullValue(), nullValue()))
                .body("[9].minutes.filename", equalTo("纪要.pdf"));
    }

    private static UUID inspectionWithMeetings(int count) {
        String task = Fixtures.task(Fixtures.freshProblem(), Fixtures.taskJson("组建企业管家团队", "2099-12-31", "TIME_BOUND", ""));
        String inspection = given().get("/tasks/" + task).then().extract().path("inspectionId");
        for (int i = 0; i < count; i++) {
            String meeting = given().contentType(ContentType.JSON).body(Map.of("kind", "WEEKLY_DISPATCH",
                            "heldOn", "2024-09-" + (10 + i), "chair", "管委会主任", "decisions", List.of(
                                    Map.of("text", "组建企业管家团队", "responsibleUnit", "营商环境局", "dueDate", "2024-10-31",
                                            "taskId", task),
                                    Map.of("text", "建立专属欠款台账", "responsibleUnit", "财政局", "dueDate", "2024-10-31"))))
                    .post("/inspections/" + inspection + "/meetings").then().statusCode(201).extract().path("id");
            given().contentType("application/pdf").body("%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                    .queryParam("filename", "纪要.pdf").put("/meetings/" + meeting + "/minutes").then().statusCode(200);
        }
        given().contentType(ContentType.JSON).header("If-Match", given().get("/tasks/" + task).then().extract().header("ETag"))
                .body(Map.of("reason", "与同一问题下的任务重复")).post("/tasks/" + task + "/cancellation")
                .then().statusCode(200);
        return UUID.fromString(inspection);
    }

    private long statementsOf(Supplier<List<?>> rows, int expectedRows) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        return QuarkusTransaction.requiringNew().call(() -> {
            statistics.clear();
            List<?> read = rows.get();
            long statements = statistics.getPrepareStatementCount();
            assertEquals(expectedRows, read.size());
            return statements;
        });
    }
}
