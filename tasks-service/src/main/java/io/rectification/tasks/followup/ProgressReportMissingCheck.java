package io.rectification.tasks.followup;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.task.ProgressReportSchedule;
import io.rectification.tasks.task.ProgressReportSchedule.MissedPeriod;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TaskProgressReportMissing for each task being worked on whose report (日报告, 周调度, 月推进) is missing,
 * its due day ended ({@link ProgressReportSchedule}): once per task and period. When several periods were
 * missed between two runs, only the latest is published, with how many were missed in a row. The key names
 * the period by the moment it ended ({@code since} plus n cadences), as it did when a report was missing
 * from that moment on: a period announced before the due day was read as a day is not announced again.
 */
@ApplicationScoped
public class ProgressReportMissingCheck implements FollowUpCheck {

    static final String EVENT = "TaskProgressReportMissing";

    private final Clock clock;

    public ProgressReportMissingCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<FollowUpNotice> dueAt(OffsetDateTime now) {
        List<FollowUpNotice> due = new ArrayList<>();
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "reportingCadence is not null and state in ?1 and cancellation.at is null", TaskStates.OWING_REPORTS.stream().map(TaskState::valueOf).toList())) {
            Optional<MissedPeriod> missed = ProgressReportSchedule.missed(task, now, clock.getZone());
            if (missed.isPresent()) {
                MissedPeriod period = missed.get();
                due.add(new FollowUpNotice(task, task.id + "|REPORT|" + period.cadence() + "|"
                        + period.periodEnd().toInstant(), EVENT, s -> new TasksEvent.TaskProgressReportMissing(s,
                        period.cadence().name(), period.periodStart(), period.expectedBy(), period.missedPeriods())));
            }
        }
        return due;
    }
}
