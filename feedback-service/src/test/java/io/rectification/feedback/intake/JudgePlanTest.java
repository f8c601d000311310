package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The intake's judging statement, planned as the writer runs it (a generic plan: planned once, for any
 * parameters), looks an earlier identical submission up by the text's fingerprint. Led by the client or the
 * form's key, the look was planned through the publication's index instead, which reads every submission to
 * the publication within the window for each one judged: at 28,000 stored the intake took a twentieth of its
 * rate (docs/benchmarks.md). A generic plan does not depend on the table's statistics or size, so the few rows
 * of a test database show the plan a large one gets.
 */
@QuarkusTest
class JudgePlanTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");

    @Inject
    SubmissionBatch batch;

    @Inject
    DataSource dataSource;

    @Test
    void anEarlierIdenticalSubmissionIsLookedUpByItsTextNotByItsPublication() throws SQLException {
        String plan = genericPlanOf(batch.judgeStatement());
        assertTrue(plan.contains("feedback_same_text"), plan);
        assertFalse(plan.contains("feedback_publication"), plan);
    }

    /** EXPLAIN of the statement prepared with its ? as $1, $2, … and run with every parameter null, as a generic plan. */
    private String genericPlanOf(String statement) throws SQLException {
        Matcher placeholders = PLACEHOLDER.matcher(statement);
        StringBuilder numbered = new StringBuilder();
        StringJoiner nulls = new StringJoiner(", ");
        int n = 0;
        while (placeholders.find()) {
            placeholders.appendReplacement(numbered, "\\$" + ++n);
            nulls.add("NULL");
        }
        placeholders.appendTail(numbered);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            sql.execute("PREPARE judge_plan AS " + numbered);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE judge_plan(" + nulls + ")")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            } finally {
                connection.rollback();
                sql.execute("DEALLOCATE judge_plan");
            }
            return plan.toString();
        }
    }
}
