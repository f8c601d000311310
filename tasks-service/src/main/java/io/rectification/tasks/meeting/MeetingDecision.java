package io.rectification.tasks.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 会议议定事项: what a meeting decided, which unit carries it out by when, and whether it is done. */
@Entity
@Table(name = "meeting_decision")
public class MeetingDecision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "meeting_id")
    public UUID meetingId;

    public int position;

    public String text;

    @Column(name = "responsible_unit")
    public String responsibleUnit;

    @Column(name = "due_date")
    public LocalDate dueDate;

    /** The task the decision is about, if any (a task of the meeting's inspection). */
    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    @Column(name = "done_by")
    public String doneBy;
}
