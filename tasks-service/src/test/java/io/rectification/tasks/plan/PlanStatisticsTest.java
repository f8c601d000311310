package io.rectification.tasks.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.StaffTokens;
import io.rectification.tasks.Fixtures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large import leaves the planner statistics that include it (PlanStatistics): the tasks table
 * has been analysed by the time the import answers; a dry run and a small import leave that to
 * autovacuum. Read from pg_stat_user_tables' last_analyze, which only an explicit ANALYZE sets
 * (autovacuum's sets last_autoanalyze).
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class PlanStatisticsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aLargeImportRenewsTheStatisticsBeforeItAnswers() throws SQLException {
        String inspectionId = Fixtures.inspection();
        long before = analyses();

        given().contentType("text/csv").body(csv(PlanStatistics.LARGE_IMPORT)).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201).body("taskCount", equalTo(PlanStatistics.LARGE_IMPORT));

        assertEquals(before + 1, analyses(), "ANALYZEs of rectification_task by the time the import answered");
    }

    @Test
    void aDryRunAndASmallImportLeaveThemToAutovacuum() throws SQLException {
        String inspectionId = Fixtures.inspection();
        long before = analyses();

        given().contentType("text/csv").body(csv(PlanStatistics.LARGE_IMPORT)).post("/inspections/" + inspectionId + "/plan-rows?dryRun=true")
                .then().statusCode(200).body("taskCount", equalTo(0));
        given().contentType("text/csv").body(csv(PlanStatistics.LARGE_IMPORT - 1)).post("/inspections/" + inspectionId + "/plan-rows")
                .then().statusCode(201);

        assertEquals(before, analyses(), "ANALYZEs of rectification_task");
    }

    /** How often rectification_task has been analysed explicitly (autovacuum's runs are counted apart). */
    private long analyses() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'rectification_task'")) {
            assertTrue(row.next(), "rectification_task in pg_stat_user_tables");
            return row.getLong(1);
        }
    }

    private static byte[] csv(int rows) {
        StringBuilder csv = new StringBuilder(CsvPlanImportTest.HEADER);
        for (int row = 1; row <= rows; row++) {
            csv.append(CsvPlanImportTest.row("具体问题" + (row / 50), "统计整改任务第" + row + "项", "2099-12-31", "TIME_BOUND", ""));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
