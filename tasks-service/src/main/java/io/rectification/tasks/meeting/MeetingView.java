package io.rectification.tasks.meeting;

import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A meeting with its attendees, its minutes' file (described; null until attached) and its decisions, as
 * the API, the audit trail and the Meeting events show it.
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "kind", "heldOn", "chair", "attendees", "decisions"})
public record MeetingView(UUID id, long version, UUID inspectionId, MeetingKind kind, LocalDate heldOn, String chair,
                          String topic, List<String> attendees, Minutes minutes, List<Decision> decisions) {

    /** The minutes' file, described (downloaded at GET /meetings/{id}/minutes). */
    @Schema(requiredProperties = {"filename", "contentType", "size", "sha256", "uploadedAt"})
    public record Minutes(String filename, String contentType, long size, String sha256, OffsetDateTime uploadedAt) {

        static Minutes of(MeetingMinutes file) {
            return file == null ? null
                    : new Minutes(file.filename, file.contentType, file.size, file.sha256, file.uploadedAt);
        }
    }

    /**
     * {@code taskCancelledAt}: when the office cancelled (撤销) the task the decision is about, after the
     * meeting: the decision stays as the meeting made it, the link with it, and says so.
     */
    @Schema(requiredProperties = {"id", "text", "responsibleUnit", "dueDate", "done"})
    public record Decision(UUID id, String text, String responsibleUnit, LocalDate dueDate, UUID taskId,
                           @Schema(description = "when the office cancelled (撤销) the task the decision is about, as "
                                   + "entered by mistake, after the meeting; null while it stands or with no task. "
                                   + "It moves without the meeting's version") OffsetDateTime taskCancelledAt,
                           boolean done, OffsetDateTime doneAt, String doneBy) {

        static Decision of(MeetingDecision d, OffsetDateTime taskCancelledAt) {
            return new Decision(d.id, d.text, d.responsibleUnit, d.dueDate, d.taskId, taskCancelledAt, d.doneAt != null,
                    d.doneAt, d.doneBy);
        }
    }

    /** Whether a decision is about a task, whose cancellation the view shows without the meeting's version moving. */
    boolean linksTasks() {
        return decisions.stream().anyMatch(d -> d.taskId() != null);
    }

    TasksEvent.MeetingSnapshot published() {
        return new TasksEvent.MeetingSnapshot(id, version, inspectionId, kind.name(), heldOn, chair, topic, attendees,
                minutes == null ? null : new TasksEvent.MeetingMinutes(minutes.filename(), minutes.contentType(),
                        minutes.size(), minutes.sha256(), minutes.uploadedAt()),
                decisions.stream().map(d -> new TasksEvent.MeetingDecision(d.id(), d.text(), d.responsibleUnit(),
                        d.dueDate(), d.taskId(), d.done(), d.doneAt())).toList());
    }
}
