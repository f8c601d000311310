package io.rectification.reporting.dashboard;

import io.rectification.reporting.dashboard.DashboardViews.InspectionChoice;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The inspections a dashboard can show, the one it opens on first. The figures of two inspections added up
 * are no one's: a wall screen opened without ?inspectionId= showed 整改任务 50 of a 45 and a 5, areas
 * （一）（一）（二）（二）, and a note that they agree with the report, which counts one inspection. So the page
 * shows one inspection, and without one asked for it shows the first here: one still being rectified (a
 * standing task not closed out), the most recently registered (its {@code createdAt}, else when the read
 * model last heard of it) first; then the others, newest first. A newly registered inspection whose plan is
 * not in yet is not in progress: the wall keeps the one being worked on until the new one has its tasks.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardInspections {

    private final Sql sql;

    public DashboardInspections(Sql sql) {
        this.sql = sql;
    }

    public List<InspectionChoice> all() {
        // in progress: a standing task of it not closed out
        String open = "EXISTS (SELECT 1 FROM rm_task t WHERE t.inspection_id = i.id AND " + Standing.sql("t")
                + " AND NOT " + TaskStates.VERIFIED + ")";
        return sql.query("SELECT id, title, team, registered, in_progress FROM (SELECT i.id, i.title, i.team,"
                        + " coalesce(CAST(i.data->>'createdAt' AS timestamptz), i.event_time) AS registered, " + open
                        + " AS in_progress FROM rm_inspection i) c ORDER BY in_progress DESC, registered DESC NULLS LAST, id",
                row -> new InspectionChoice(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getObject(4, OffsetDateTime.class), row.getBoolean(5)));
    }
}
