package io.rectification.reporting.readmodel;

import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Read-model rows as the API shows them. */
public final class ReadModelViews {

    private ReadModelViews() {
    }

    public record ProgressReport(UUID id, String cadence, LocalDate periodStart, LocalDate periodEnd,
                                 Integer percentComplete, String text, String reporter, OffsetDateTime reportedAt) {
    }

    /** The current task snapshot (as the last applied event carried it) and its progress reports. */
    public record TaskDetail(UUID id, long version, String state, TasksEvent.TaskSnapshot snapshot,
                             List<ProgressReport> progressReports) {

        /** Its ETag: reports are only ever added, so the task's version and their number say what it holds. */
        public String tag() {
            return ReadModelViews.taskTag(version, progressReports.size());
        }
    }

    static String taskTag(long version, long reports) {
        return version + "-" + reports;
    }

    public record Publication(UUID id, long version, UUID inspectionId, String title, OffsetDateTime windowStart,
                              OffsetDateTime windowEnd, String timeZone, String reportUrl,
                              FeedbackEvent.Channels channels) {
    }

    /**
     * An escalation and what became of it: {@code outcome} PENDING (tasks-service has not answered),
     * REGISTERED (the problem {@code problemId}) or REFUSED (the member and tasks-service's reason).
     */
    public record Escalation(UUID feedbackId, UUID inspectionId, UUID areaId, String title, String description,
                             OffsetDateTime escalatedAt, String outcome, UUID problemId, String refusedField,
                             String refusedReason, OffsetDateTime refusedAt) {
    }
}
