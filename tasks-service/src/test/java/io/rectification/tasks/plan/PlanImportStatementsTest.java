package io.rectification.tasks.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan import takes as many statements for a plan of one area, one problem and one task as for
 * one of three areas, twelve problems and sixty tasks (each with a stage goal and an indicator with
 * its first value): rows go in JDBC batches (up to the batch size), the ledger is read in a fixed
 * number of queries, and the events and audit entries are appended all at once. Before, every row
 * took about a dozen statements of its own. Counted with Hibernate's statistics (on in the test
 * profile); every created thing still has its event and its entry in an intact audit chain.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanImportStatementsTest {

    @Inject
    PlanImportService service;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EntityManager entityManager;

    @Test
    void aNewPlanTakesAsManyStatementsForSixtyTasksAsForOne() throws Exception {
        String team = Fixtures.uniqueTeam();
        long one = statementsOf(plan(Fixtures.uniqueTeam(), 1, 1, 1));
        long sixty = statementsOf(plan(team, 3, 4, 5));

        assertEquals(one, sixty, "statements for a plan of 1 task and of 60");
        assertTrue(sixty < 40, "a plan of 60 tasks in " + sixty + " statements");

        UUID inspectionId = inspectionOf(team);
        // 1 inspection + 3 areas + 12 problems + 60 tasks, and each task's first indicator value
        assertEquals(1 + 3 + 12 + 60 + 60, count("""
                SELECT count(*) FROM outbox_event o WHERE o.aggregate_id IN (
                    SELECT CAST(id AS text) FROM inspection WHERE id = ?1
                    UNION ALL SELECT CAST(id AS text) FROM feedback_area WHERE inspection_id = ?1
                    UNION ALL SELECT CAST(id AS text) FROM problem WHERE inspection_id = ?1
                    UNION ALL SELECT CAST(id AS text) FROM rectification_task WHERE inspection_id = ?1)""", inspectionId));
        assertEquals(count("""
                SELECT count(*) FROM outbox_event o JOIN rectification_task t ON o.aggregate_id = CAST(t.id AS text)
                WHERE t.inspection_id = ?1""", inspectionId), count("""
                SELECT count(*) FROM audit_entry a JOIN rectification_task t ON a.entity_id = CAST(t.id AS text)
                WHERE t.inspection_id = ?1""", inspectionId), "every task event has its audit entry");
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRevisionAddingSixtyTasksTakesAsManyStatementsAsOneAddingOne() throws Exception {
        String small = Fixtures.uniqueTeam();
        String large = Fixtures.uniqueTeam();
        statementsOf(plan(small, 1, 1, 1));
        statementsOf(plan(large, 3, 4, 5));

        long one = statementsOf(plan(small, 1, 1, 2));
        long sixty = statementsOf(plan(large, 3, 4, 10));

        assertEquals(one, sixty, "statements for a revision adding 1 task to a plan of 1 and adding 60 to a plan of 60");
        assertEquals(120, count("SELECT count(*) FROM rectification_task WHERE inspection_id = ?1", inspectionOf(large)));
        // the same plan again adds nothing
        statementsOf(plan(large, 3, 4, 10));
        assertEquals(120, count("SELECT count(*) FROM rectification_task WHERE inspection_id = ?1", inspectionOf(large)));
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Inject
    SpreadsheetPlanImportService spreadsheets;

    /**
     * The breakdown table took three queries a row to compare it with the ledger and a dozen statements
     * a row to store it (2,000 rows: ten seconds and more); now the ledger is read once and the rows
     * stored level by level, as a JSON plan is. A dry run of the stored table again (every row
     * UNCHANGED) does not grow with the rows either.
     */
    @Test
    void aBreakdownTableTakesAsManyStatementsForSixtyRowsAsForOne() {
        String small = Fixtures.inspection();
        String large = Fixtures.inspection();
        long one = statementsOfTable(small, table(1, 1), false);
        long sixty = statementsOfTable(large, table(12, 5), false);
        assertEquals(one, sixty, "statements for a table of 1 row and of 60");
        assertEquals(60, count("SELECT count(*) FROM rectification_task WHERE inspection_id = ?1", UUID.fromString(large)));
        assertEquals(statementsOfTable(small, table(1, 1), true), statementsOfTable(large, table(12, 5), true),
                "statements for a dry run of 1 unchanged row and of 60");
        given().get("/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private long statementsOfTable(String inspectionId, byte[] csv, boolean dryRun) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        return QuarkusTransaction.requiringNew().call(() -> {
            statistics.clear();
            assertNotNull(spreadsheets.importCsv(UUID.fromString(inspectionId), csv, dryRun));
            return statistics.getPrepareStatementCount();
        });
    }

    /** {@code problems} problems of {@code tasks} tasks each, in three areas. */
    private static byte[] table(int problems, int tasks) {
        StringBuilder csv = new StringBuilder(CsvPlanImportTest.HEADER);
        for (int p = 0; p < problems; p++) {
            for (int t = 0; t < tasks; t++) {
                csv.append("反馈问题").append(p % 3).append(",具体问题").append(p).append(",整改任务").append(p).append('-').append(t)
                        .append(",建立台账,管委会主任,王局长,招商局,2099-12-31,长期坚持,月报,建立台账@2099-06-30,\r\n");
            }
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private long statementsOf(String plan) throws Exception {
        PlanInput input = objectMapper.readValue(plan, PlanInput.class);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        return QuarkusTransaction.requiringNew().call(() -> {
            statistics.clear();
            assertNotNull(service.importPlan(input));
            return statistics.getPrepareStatementCount();
        });
    }

    private static String plan(String team, int areas, int problemsPerArea, int tasksPerProblem) {
        List<String> areaJson = new ArrayList<>();
        for (int a = 0; a < areas; a++) {
            List<String> problemJson = new ArrayList<>();
            for (int p = 0; p < problemsPerArea; p++) {
                List<String> taskJson = new ArrayList<>();
                for (int t = 0; t < tasksPerProblem; t++) {
                    taskJson.add(Fixtures.taskJson("整改任务" + a + "-" + p + "-" + t, "2099-12-31", "TIME_BOUND", """
                            "milestones":[{"title":"建立台账","dueDate":"2099-06-30"}],
                            "indicators":[{"name":"空编率","unit":"%","baseline":30,"targetKind":"ABSOLUTE",
                                           "targetValue":10,"direction":"DECREASE","actual":25,"actualSource":"人事台账"}]"""));
                }
                problemJson.add("{\"title\":\"具体问题" + a + "-" + p + "\",\"tasks\":[" + String.join(",", taskJson) + "]}");
            }
            areaJson.add("{\"title\":\"反馈问题" + a + "\",\"problems\":[" + String.join(",", problemJson) + "]}");
        }
        String inspection = Fixtures.inspectionJson().replaceFirst("\"team\":\"[^\"]*\"", "\"team\":\"" + team + "\"");
        return "{\"inspection\":" + inspection + ",\"areas\":[" + String.join(",", areaJson) + "]}";
    }

    private UUID inspectionOf(String team) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("SELECT id FROM inspection WHERE team = ?1").setParameter(1, team).getSingleResult());
    }

    private long count(String sql, UUID inspectionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, inspectionId).getSingleResult()).longValue());
    }
}
