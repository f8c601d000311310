package io.rectification.reporting.readmodel;

import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Read-model rows as the API shows them. */
public final class ReadModelViews {

    private ReadModelViews() {
    }

    @Schema(requiredProperties = {"id"})
    public record ProgressReport(UUID id, String cadence, LocalDate periodStart, LocalDate periodEnd,
                                 Integer percentComplete, String text, String reporter, OffsetDateTime reportedAt) {
    }

    /**
     * The current task snapshot (as the last applied event carried it), how many progress reports it
     * has, and the latest {@link #LATEST_REPORTS} of them in the order they were reported (the whole
     * history is paged: {@code /read-models/tasks/{id}/progress-reports}). Bounded, because a task
     * reported on daily for years has thousands, and a client waiting for its change to show (the
     * way this answer is used) needs the newest.
     */
    @Schema(requiredProperties = {"id", "version", "snapshot", "progressReportCount", "progressReports"})
    public record TaskDetail(UUID id, long version, String state, TasksEvent.TaskSnapshot snapshot,
                             long progressReportCount, List<ProgressReport> progressReports) {

        public static final int LATEST_REPORTS = 20;

        /** Its ETag: reports are only ever added, so the task's version and their number say what it holds. */
        public String tag() {
            return ReadModelViews.taskTag(version, progressReportCount);
        }
    }

    static String taskTag(long version, long reports) {
        return version + "-" + reports;
    }

    @Schema(requiredProperties = {"id", "version"})
    public record Publication(UUID id, long version, UUID inspectionId, String title, OffsetDateTime windowStart,
                              OffsetDateTime windowEnd, String timeZone, String reportUrl,
                              FeedbackEvent.Channels channels) {
    }

    /**
     * An escalation and what became of it: {@code outcome} PENDING (tasks-service has not answered),
     * REGISTERED (the problem {@code problemId}) or REFUSED (the member and tasks-service's reason).
     */
    @Schema(requiredProperties = {"feedbackId"})
    public record Escalation(UUID feedbackId, UUID inspectionId, UUID areaId, String title, String description,
                             OffsetDateTime escalatedAt, String outcome, UUID problemId, String refusedField,
                             String refusedReason, OffsetDateTime refusedAt) {
    }
}
