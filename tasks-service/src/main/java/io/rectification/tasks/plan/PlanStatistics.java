package io.rectification.tasks.plan;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Renews PostgreSQL's statistics of the plan's tables once a large import has committed.
 *
 * <p>The planner chooses how to read a page of an inspection's tasks from those statistics. Right
 * after an import of thousands of tasks they still describe the tables without them, until
 * autovacuum's ANALYZE comes round (a minute or more later; never where autovacuum is off): the new
 * inspection is then estimated at a handful of tasks, and each page is read by sorting all of them
 * instead of along the list-order index (docs/benchmarks.md, "Statistics after an import").
 * ANALYZE after a bulk load is PostgreSQL's own advice (Populating a Database).
 */
@ApplicationScoped
public class PlanStatistics {

    /** Rows added below which the statistics are left to autovacuum: a few rows move them little. */
    static final int LARGE_IMPORT = 100;

    private static final Logger LOG = Logger.getLogger(PlanStatistics.class);

    private final DataSource dataSource;

    PlanStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** After an import's commit (outside its transaction): ANALYZE the tables a plan fills, when it added many rows. */
    void renewAfter(int rowsAdded) {
        if (rowsAdded < LARGE_IMPORT) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE feedback_area, problem, rectification_task, milestone, indicator");
        } catch (SQLException e) {
            // The import stands; only the planner's choices wait for autovacuum.
            LOG.warnf("statistics not renewed after an import of %d rows: %s", rowsAdded, e.getMessage());
        }
    }
}
