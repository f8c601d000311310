package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import io.rectification.tasks.problem.ProblemService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page is read in a fixed number of statements whatever its size: the tasks' indicators, stage
 * goals and evidence counts, and the problems' roll-ups, are loaded for the whole page at once.
 * Counted with Hibernate's statistics (on in the test profile).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PageQueryCountTest {

    @Inject
    TaskService tasks;

    @Inject
    ProblemService problems;

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

        long five = statementsOf(() -> tasks.listTasks(ofProblem, null, 0, 5), 5);
        long fifty = statementsOf(() -> tasks.listTasks(ofProblem, null, 0, 50), 50);

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

        long five = statementsOf(() -> problems.listProblems(null, area, null, false, null, 0, 5), 5);
        long fifty = statementsOf(() -> problems.listProblems(null, area, null, false, null, 0, 50), 50);

        assertEquals(five, fifty, "statements for a page of 5 and of 50 problems");
    }

    private long statementsOf(Supplier<PageOf<?>> page, int expectedRows) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        return QuarkusTransaction.requiringNew().call(() -> {
            statistics.clear();
            PageOf<?> read = page.get();
            long statements = statistics.getPrepareStatementCount();
            assertEquals(expectedRows, read.items().size());
            return statements;
        });
    }
}
