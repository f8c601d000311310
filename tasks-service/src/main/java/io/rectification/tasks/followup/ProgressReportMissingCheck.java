package io.rectification.tasks.followup;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.ProgressReportSchedule;
import io.rectification.tasks.task.ProgressReportSchedule.MissedPeriod;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TaskProgressReportMissing for each task being worked on whose reporting period (日报告, 周调度,
 * 月推进) ended without a report: once per task and period. When several periods ended between two
 * runs, only the latest is published, with how many were missed in a row.
 */
@ApplicationScoped
public class ProgressReportMissingCheck implements FollowUpCheck {

    static final String EVENT = "TaskProgressReportMissing";

    @Override
    public List<FollowUpNotice> dueAt(OffsetDateTime now) {
        List<FollowUpNotice> due = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "reportingCadence is not null and state in ?1", TaskStates.OWING_REPORTS.stream().map(TaskState::valueOf).toList())) {
            Optional<MissedPeriod> missed = ProgressReportSchedule.missed(task, now);
            if (missed.isPresent()) {
                MissedPeriod period = missed.get();
                due.add(new FollowUpNotice(task, task.id + "|REPORT|" + period.cadence() + "|"
                        + period.expectedBy().toInstant(), EVENT, s -> new TasksEvent.TaskProgressReportMissing(s,
                        period.cadence().name(), period.periodStart(), period.expectedBy(), period.missedPeriods())));
            }
        }
        return due;
    }
}
