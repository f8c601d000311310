package io.rectification.tasks.meeting;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.tasks.audit.LedgerAudit;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.support.LedgerEvents;
import io.rectification.tasks.task.RectificationTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
@Transactional
public class MeetingService {

    static final String AGGREGATE = "Meeting";

    private final LedgerEvents events;
    private final LedgerAudit audit;
    private final InspectionService inspections;
    private final Clock clock;

    public MeetingService(LedgerEvents events, LedgerAudit audit, InspectionService inspections, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.inspections = inspections;
        this.clock = clock;
    }

    public MeetingView hold(UUID inspectionId, MeetingInput input) {
        inspections.requireInspection(inspectionId);
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.inspectionId = inspectionId;
        meeting.kind = input.kind();
        meeting.heldOn = input.heldOn();
        meeting.chair = input.chair().strip();
        meeting.topic = input.topic();
        meeting.createdAt = OffsetDateTime.now(clock);
        meeting.updatedAt = meeting.createdAt;
        List<MeetingInput.Decision> decisions = input.decisionsOrEmpty();
        for (int i = 0; i < decisions.size(); i++) {
            MeetingInput.Decision in = decisions.get(i);
            if (in.dueDate().isBefore(input.heldOn())) {
                throw ApiException.badRequest("decisions[" + i + "].dueDate", "must not be before the meeting (" + input.heldOn() + ")");
            }
            checkTask(inspectionId, in.taskId(), "decisions[" + i + "].taskId");
        }
        meeting.persistAndFlush();
        for (int i = 0; i < decisions.size(); i++) {
            MeetingInput.Decision in = decisions.get(i);
            MeetingDecision decision = new MeetingDecision();
            decision.id = UUID.randomUUID();
            decision.meetingId = meeting.id;
            decision.position = i;
            decision.text = in.text().strip();
            decision.responsibleUnit = in.responsibleUnit().strip();
            decision.dueDate = in.dueDate();
            decision.taskId = in.taskId();
            decision.persist();
        }
        return announce(meeting, view -> new TasksEvent.MeetingHeld(view.published()));
    }

    /** A decision carried out: once; the meeting's version moves. */
    public MeetingView complete(UUID meetingId, UUID decisionId) {
        Meeting meeting = require(meetingId);
        MeetingDecision decision = MeetingDecision.<MeetingDecision>find("id = ?1 and meetingId = ?2", decisionId, meetingId)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("decision of meeting " + meetingId, decisionId));
        if (decision.doneAt != null) {
            throw ApiException.conflict("decision " + decisionId + " was done on " + decision.doneAt);
        }
        decision.doneAt = OffsetDateTime.now(clock);
        decision.doneBy = audit.currentActor();
        meeting.updatedAt = decision.doneAt; // a decision done changes the meeting: its version moves
        meeting.persistAndFlush();
        return announce(meeting, view -> new TasksEvent.MeetingDecisionCompleted(view.published(), decisionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MeetingView> ofInspection(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        return Meeting.<Meeting>list("inspectionId = ?1 order by heldOn desc, createdAt desc", inspectionId).stream()
                .map(this::toView).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingView find(UUID meetingId) {
        return toView(require(meetingId));
    }

    private MeetingView announce(Meeting meeting, Function<MeetingView, TasksEvent> event) {
        MeetingView view = toView(meeting);
        events.publish(AGGREGATE, meeting.id, meeting.version, event.apply(view), view);
        return view;
    }

    private static void checkTask(UUID inspectionId, UUID taskId, String field) {
        if (taskId == null) {
            return;
        }
        RectificationTask task = RectificationTask.findById(taskId);
        if (task == null || !inspectionId.equals(task.inspectionId)) {
            throw ApiException.badRequest(field, "not a task of inspection " + inspectionId + ": " + taskId);
        }
    }

    private static Meeting require(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("meeting", id));
    }

    private MeetingView toView(Meeting meeting) {
        return new MeetingView(meeting.id, meeting.version, meeting.inspectionId, meeting.kind, meeting.heldOn,
                meeting.chair, meeting.topic, MeetingDecision.<MeetingDecision>list("meetingId = ?1 order by position",
                meeting.id).stream().map(MeetingView.Decision::of).toList());
    }
}
