package io.rectification.tasks.meeting;

import io.rectification.platform.contract.TasksEvent;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A meeting with its decisions, as the API and the Meeting events show it. */
public record MeetingView(UUID id, long version, UUID inspectionId, MeetingKind kind, LocalDate heldOn, String chair,
                          String topic, List<Decision> decisions) {

    public record Decision(UUID id, String text, String responsibleUnit, LocalDate dueDate, UUID taskId, boolean done,
                           OffsetDateTime doneAt, String doneBy) {

        static Decision of(MeetingDecision d) {
            return new Decision(d.id, d.text, d.responsibleUnit, d.dueDate, d.taskId, d.doneAt != null, d.doneAt, d.doneBy);
        }
    }

    TasksEvent.MeetingSnapshot published() {
        return new TasksEvent.MeetingSnapshot(id, version, inspectionId, kind.name(), heldOn, chair, topic,
                decisions.stream().map(d -> new TasksEvent.MeetingDecision(d.id(), d.text(), d.responsibleUnit(),
                        d.dueDate(), d.taskId(), d.done(), d.doneAt())).toList());
    }
}
