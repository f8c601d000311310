package io.rectification.feedback.intake;

import io.quarkus.test.junit.QuarkusTest;
import io.rectification.feedback.Publications;
import io.rectification.platform.testing.StaffTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * rate (docs/benchmarks.md). The plan is read with 5,000 submissions to one publication stored, unanalysed (as
 * where autovacuum has not come round), in a transaction rolled back: on the few rows of a test database the two
 * indexes cost the same and the planner's choice between them says nothing.
 */
@QuarkusTest
@ExtendWith(StaffTokens.class)
class JudgePlanTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?");
    /** Many submissions to one publication within the window, each its own text. */
    private static final String MANY = """
            INSERT INTO feedback (id, version, publication_id, inspection_id, tracking_code, channel, status, text,
                                  anonymous, client_key, text_fingerprint, received_at, reply_due_at, created_at)
            SELECT gen_random_uuid(), 0, p.id, p.inspection_id, 'P' || lpad(g::text, 6, '0') || substr(md5(random()::text), 1, 8), 'WEB', 'RECEIVED',
                   'text ' || g, true, 'client ' || g, md5('text ' || g), now(), now() + interval '15 days', now()
            FROM publication p, generate_series(1, 5000) g WHERE p.id = ?::uuid""";

    @Inject
    SubmissionBatch batch;

    @Inject
    DataSource dataSource;

    @Test
    void anEarlierIdenticalSubmissionIsLookedUpByItsTextNotByItsPublication() throws SQLException {
        String plan = genericPlanOf(batch.judgeStatement(), Publications.openNow());
        assertTrue(plan.contains("feedback_same_text"), plan);
        assertFalse(plan.contains("feedback_publication"), plan);
    }

    /**
     * EXPLAIN of the statement prepared with its ? as $1, $2, … and run with every parameter null, as a generic plan,
     * with {@link #MANY} submissions to {@code publication} stored in the same transaction.
     */
    private String genericPlanOf(String statement, String publication) throws SQLException {
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
            try (PreparedStatement many = connection.prepareStatement(MANY)) {
                many.setString(1, publication);
                many.executeUpdate();
            }
            sql.execute("SET LOCAL plan_cache_mode = force_generic_plan");
            // What the look may be planned through is what is asked: not a scan of the whole table, which the
            // planner may take for a table it believes small.
            sql.execute("SET LOCAL enable_seqscan = off");
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
