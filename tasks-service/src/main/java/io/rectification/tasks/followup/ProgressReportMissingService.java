package io.rectification.tasks.followup;

import io.rectification.tasks.task.ProgressReportSchedule;
import io.rectification.tasks.task.ProgressReportSchedule.MissedPeriod;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.TaskEvents;
import io.rectification.tasks.task.TaskState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes TaskProgressReportMissing for each task being worked on whose reporting period (日报告,
 * 周调度, 月推进) ended without a report: once per task and period. When several periods ended between
 * two runs, only the latest is published, with how many were missed in a row.
 */
@ApplicationScoped
@Transactional
public class ProgressReportMissingService {

    static final String EVENT = "TaskProgressReportMissing";

    private final FollowUpNotices notices;
    private final TaskEvents events;

    public ProgressReportMissingService(FollowUpNotices notices, TaskEvents events) {
        this.notices = notices;
        this.events = events;
    }

    /** @return how many events were appended */
    public int emitMissingReports(OffsetDateTime now) {
        int emitted = 0;
        for (RectificationTask task : RectificationTask.<RectificationTask>list(
                "reportingCadence is not null and state in ?1", List.of(TaskState.IN_PROGRESS, TaskState.REOPENED))) {
            Optional<MissedPeriod> missed = ProgressReportSchedule.missed(task, now);
            if (missed.isPresent() && notices.claim(task.id + "|REPORT|" + missed.get().cadence() + "|"
                    + missed.get().expectedBy().toInstant(), task.id, EVENT)) {
                Map<String, Object> specific = new LinkedHashMap<>();
                specific.put("cadence", missed.get().cadence());
                specific.put("periodStart", missed.get().periodStart());
                specific.put("expectedBy", missed.get().expectedBy());
                specific.put("missedPeriods", missed.get().missedPeriods());
                events.publish(task, EVENT, specific);
                emitted++;
            }
        }
        return emitted;
    }
}
