package io.rectification.reporting.projection;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Meetings and their decisions, newest version of each meeting (its snapshot lists every decision). */
@ApplicationScoped
// as the other projections: a failure must not doom a rebuild's transaction
@Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
public class MeetingProjection {

    private final Sql sql;

    public MeetingProjection(Sql sql) {
        this.sql = sql;
    }

    public void meeting(EventEnvelope event, TasksEvent.MeetingSnapshot meeting) {
        Required.member(meeting, event.type(), "meeting");
        long version = Versions.of(event, meeting.version());
        int applied = sql.update("""
                INSERT INTO rm_meeting (id, version, inspection_id, kind, held_on, data)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, inspection_id = EXCLUDED.inspection_id,
                    kind = EXCLUDED.kind, held_on = EXCLUDED.held_on, data = EXCLUDED.data
                WHERE rm_meeting.version <= EXCLUDED.version""",
                Required.member(meeting.id(), event.type(), "meeting.id"), version,
                Required.member(meeting.inspectionId(), event.type(), "meeting.inspectionId"), meeting.kind(),
                meeting.heldOn(), SnapshotText.of(event, "meeting", meeting));
        if (applied == 0 || meeting.decisions() == null) {
            return; // an older snapshot: the newer one's decisions stand
        }
        for (TasksEvent.MeetingDecision decision : meeting.decisions()) {
            sql.update("""
                    INSERT INTO rm_meeting_decision (id, meeting_id, inspection_id, text, responsible_unit, due_date,
                                                     task_id, done)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET text = EXCLUDED.text, responsible_unit = EXCLUDED.responsible_unit,
                        due_date = EXCLUDED.due_date, task_id = EXCLUDED.task_id, done = EXCLUDED.done""",
                    Required.member(decision.id(), event.type(), "meeting.decisions.id"), meeting.id(),
                    meeting.inspectionId(), decision.text(), decision.responsibleUnit(), decision.dueDate(),
                    decision.taskId(), Boolean.TRUE.equals(decision.done()));
        }
    }
}
