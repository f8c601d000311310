package io.rectification.tasks.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 延期申请: the task's unit (or the office for it) asks for a later deadline, with a reason; the office
 * (整改办) approves it, and the deadline moves as its own move does, or refuses it, saying why. Each
 * request stays, decided or not, as the record of what was asked and answered.
 */
@Entity
@Table(name = "deadline_extension_request")
public class DeadlineExtensionRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "requested_deadline")
    public LocalDate requestedDeadline;

    /** The deadline the request was made against (it may move by the office's hand meanwhile). */
    @Column(name = "deadline_at_request")
    public LocalDate deadlineAtRequest;

    public String reason;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    public ExtensionStatus status;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The refusal's reason, or the approval's note (null when the office wrote none). */
    @Column(name = "decision_note")
    public String decisionNote;

    boolean pending() {
        return status == ExtensionStatus.PENDING;
    }

    void decided(ExtensionStatus outcome, String note, String by, OffsetDateTime at) {
        status = outcome;
        decisionNote = note;
        decidedBy = by;
        decidedAt = at;
    }
}
