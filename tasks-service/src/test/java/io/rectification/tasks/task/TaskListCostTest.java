package io.rectification.tasks.task;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /tasks?inspectionId=…&size=…} as the benchmark calls it (issue 15): through the REST
 * layer, a page of 100 takes as many statements as a page of 10 (the tasks, their count, and the
 * indicators, stage goals, evidence counts and problems' numbers of the whole page), and with 10,000 tasks in the
 * database the page is read from the list-order index (V16), not sorted from all of an inspection's
 * tasks. Statements counted with Hibernate's statistics (on in the test profile).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class TaskListCostTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EntityManager entityManager;

    @Inject
    TaskListCache listCache;

    @Test
    void aPageOfAHundredTakesAsManyStatementsAsAPageOfTen() {
        String inspectionId = Fixtures.inspection();
        String problemId = Fixtures.problem(Fixtures.area(inspectionId, "推进管理机制改革不彻底"), "具体问题");
        String template = Fixtures.task(problemId, Fixtures.taskJson("整改任务", "2099-12-31", "TIME_BOUND", """
                "milestones":[{"title":"建立台账","dueDate":"2099-06-30"}],
                "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"ABSOLUTE",
                               "targetValue":10,"direction":"DECREASE","actual":25,"actualSource":"人事台账"}]"""));
        QuarkusTransaction.requiringNew().run(() -> copies(UUID.fromString(template), UUID.fromString(problemId), 119, 0));

        long ten = fewestStatements(inspectionId, 10);
        long hundred = fewestStatements(inspectionId, 100);

        assertEquals(ten, hundred, "statements for GET /tasks?inspectionId=…&size=10 and size=100");
        assertTrue(hundred <= 6, "a page of 100 in " + hundred + " statements");
    }

    @Test
    void withTenThousandTasksThePageIsReadInListOrderFromTheIndex() {
        String inspectionId = Fixtures.inspection();
        UUID problemId = UUID.fromString(Fixtures.problem(Fixtures.area(inspectionId, "方面"), "问题"));
        UUID template = UUID.fromString(Fixtures.task(problemId.toString(),
                Fixtures.taskJson("整改任务", "2099-12-31", "TIME_BOUND", "")));
        UUID otherProblem = UUID.fromString(Fixtures.freshProblem());
        // in a transaction that is rolled back: the test database keeps none of the 10,000
        QuarkusTransaction.begin();
        try {
            copies(template, problemId, 1_999, 0);
            copies(template, otherProblem, 8_000, 0);
            entityManager.createNativeQuery("ANALYZE rectification_task").executeUpdate();
            String plan = String.join("\n", explain("""
                    SELECT * FROM rectification_task t WHERE t.inspection_id = CAST(?1 AS uuid)
                    ORDER BY t.deadline, t.number, t.id OFFSET 0 ROWS FETCH FIRST 100 ROWS ONLY""", inspectionId));
            assertTrue(plan.contains("rectification_task_inspection_order_id"), "the page query's plan:\n" + plan);
            assertFalse(plan.contains("Sort"), "the page query's plan:\n" + plan);
        } finally {
            QuarkusTransaction.rollback();
        }
        given().get("/tasks?inspectionId=" + inspectionId + "&size=100").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void pagesInTheDefaultOrderNeitherSkipNorRepeatTasksThatTie() {
        // Tasks of different problems share deadline and number: only the id tells them apart.
        String inspectionId = Fixtures.inspection();
        String area = Fixtures.area(inspectionId, "方面");
        for (int i = 0; i < 6; i++) {
            Fixtures.task(Fixtures.problem(area, "问题" + i), Fixtures.taskJson("整改任务", "2099-12-31", "TIME_BOUND", ""));
        }
        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 6; page++) {
            seen.add(given().get("/tasks?inspectionId=" + inspectionId + "&size=1&page=" + page).then().statusCode(200)
                    .body("total", equalTo(6)).extract().path("items[0].id"));
        }
        // Ties in id order (PostgreSQL orders uuids as their hex text), so every page is determined.
        assertEquals(seen.stream().sorted().toList(), seen, "six pages of one task each");
        assertEquals(6, seen.stream().distinct().count(), "six pages of one task each: " + seen);
    }

    /**
     * The fewest statements of three reads of the page from the database (the cache of pages
     * emptied before each): a background job's statement is not the page's.
     */
    private long fewestStatements(String inspectionId, int size) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            listCache.clear();
            statistics.clear();
            given().get("/tasks?inspectionId=" + inspectionId + "&size=" + size).then().statusCode(200)
                    .body("items.size()", equalTo(size)).body("items[0].indicators.size()", equalTo(1))
                    .body("items[" + (size - 1) + "].milestones.size()", equalTo(1));
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        return fewest;
    }

    /** {@code count} copies of the template task (with its stage goals and indicators) under the problem, deadlines spread. */
    private void copies(UUID template, UUID problemId, int count, int first) {
        entityManager.createNativeQuery("""
                        INSERT INTO rectification_task
                        SELECT (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid(), 'number', 1 + g,
                                'problem_id', p.id, 'area_id', p.area_id, 'inspection_id', p.inspection_id,
                                'deadline', DATE '2099-01-01' + g % 365))).*
                        FROM rectification_task t, problem p, generate_series(?3 + 1, ?3 + ?2) g
                        WHERE t.id = ?1 AND p.id = ?4""")
                .setParameter(1, template).setParameter(2, count).setParameter(3, first).setParameter(4, problemId)
                .executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO milestone SELECT (jsonb_populate_record(m, jsonb_build_object('id', gen_random_uuid(),
                                'task_id', c.id))).*
                        FROM milestone m, rectification_task c WHERE m.task_id = ?1 AND c.problem_id = ?2 AND c.id <> ?1""")
                .setParameter(1, template).setParameter(2, problemId).executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO indicator SELECT (jsonb_populate_record(i, jsonb_build_object('id', gen_random_uuid(),
                                'task_id', c.id))).*
                        FROM indicator i, rectification_task c WHERE i.task_id = ?1 AND c.problem_id = ?2 AND c.id <> ?1""")
                .setParameter(1, template).setParameter(2, problemId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> explain(String sql, String inspectionId) {
        return entityManager.createNativeQuery("EXPLAIN " + sql).setParameter(1, inspectionId).getResultList();
    }
}
