package io.rectification.tasks.meeting;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.text.OptionalText;
import io.rectification.platform.time.InstantText;
import io.rectification.tasks.support.Cancellation;
import io.rectification.tasks.audit.LedgerAudit;
import io.rectification.tasks.inspection.InspectionService;
import io.rectification.tasks.support.LedgerEvents;
import io.rectification.tasks.task.RectificationTask;
import io.rectification.tasks.task.UnitScope;
import io.rectification.tasks.work.EvidenceContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class MeetingService {

    static final String AGGREGATE = "Meeting";

    private final LedgerEvents events;
    private final LedgerAudit audit;
    private final InspectionService inspections;
    private final EvidenceContent files;
    private final Clock clock;
    private final UnitScope units;
    private final InstantText instants;

    public MeetingService(LedgerEvents events, LedgerAudit audit, InspectionService inspections, EvidenceContent files,
                          Clock clock, UnitScope units, InstantText instants) {
        this.units = units;
        this.instants = instants;
        this.events = events;
        this.files = files;
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
        meeting.topic = OptionalText.of(input.topic());
        meeting.attendees = attendees(input.attendeesOrEmpty());
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

    /** Each attendee once, without outer blanks: a name twice is a slip of the clerk's, named by its place. */
    private static String[] attendees(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i).strip())) {
                throw ApiException.badRequest("attendees[" + i + "]", "'" + names.get(i).strip() + "' is named twice");
            }
        }
        return names.stream().map(String::strip).toArray(String[]::new);
    }

    /**
     * Attaches or replaces the minutes' file (会议纪要), checked as evidence files are ({@link EvidenceContent});
     * the meeting's version moves and the file's hash is published and audited. {@code expectedVersion}, when
     * sent (If-Match), must be the meeting's: a replacement is not made over one the uploader has not seen.
     */
    public MeetingView attachMinutes(UUID meetingId, Long expectedVersion, String contentType, String filename,
                                     byte[] content) {
        // The request's own parts first: a bad file name is the caller's to fix whatever meeting it names.
        EvidenceContent.Checked checked = files.check(contentType, filename, content);
        Meeting meeting = require(meetingId);
        Versions.check(expectedVersion, meeting.version, "meeting " + meetingId);
        MeetingMinutes minutes = MeetingMinutes.<MeetingMinutes>findByIdOptional(meetingId).orElseGet(MeetingMinutes::new);
        boolean isNew = minutes.meetingId == null;
        minutes.meetingId = meetingId;
        minutes.store(checked, content, OffsetDateTime.now(clock));
        if (isNew) {
            minutes.persist();
        }
        meeting.updatedAt = minutes.uploadedAt; // the minutes are part of the meeting: its version moves
        meeting.persistAndFlush();
        return announce(meeting, view -> new TasksEvent.MeetingMinutesAttached(view.published()));
    }

    /**
     * The minutes' file, for whom may read it ({@link UnitScope#requireMayReadMinutesOf}): an unknown meeting
     * is 404 to anyone, and an officer of another unit learns nothing more, not even whether they are attached.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MeetingMinutes requireMinutes(UUID meetingId) {
        require(meetingId);
        units.requireMayReadMinutesOf(MeetingDecision.<MeetingDecision>list("meetingId = ?1 order by position", meetingId)
                .stream().map(d -> d.responsibleUnit).toList());
        return MeetingMinutes.<MeetingMinutes>findByIdOptional(meetingId)
                .orElseThrow(() -> ApiException.notFound("minutes of meeting", meetingId));
    }

    /** A decision carried out: once; the meeting's version moves. If-Match, when sent, is checked as for the minutes. */
    public MeetingView complete(UUID meetingId, UUID decisionId, Long expectedVersion) {
        Meeting meeting = require(meetingId);
        MeetingDecision decision = MeetingDecision.<MeetingDecision>find("id = ?1 and meetingId = ?2", decisionId, meetingId)
                .firstResultOptional().orElseThrow(() -> ApiException.notFound("decision of meeting " + meetingId, decisionId));
        // Before the state: an officer of another unit learns nothing of a decision that is not theirs.
        units.requireOwnUnit(decision.responsibleUnit, "the decisions of their unit; this decision");
        Versions.check(expectedVersion, meeting.version, "meeting " + meetingId);
        if (decision.doneAt != null) {
            throw ApiException.conflict("decision " + decisionId + " was done at " + instants.format(decision.doneAt));
        }
        decision.doneAt = OffsetDateTime.now(clock);
        decision.doneBy = audit.currentActor();
        meeting.updatedAt = decision.doneAt; // a decision done changes the meeting: its version moves
        meeting.persistAndFlush();
        return announce(meeting, view -> new TasksEvent.MeetingDecisionCompleted(view.published(), decisionId));
    }

    /** The inspection's meetings, newest first, with the list's version ({@link InspectionMeetings}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InspectionMeetings ofInspection(UUID inspectionId) {
        inspections.requireInspection(inspectionId);
        return InspectionMeetings.of(
                toViews(Meeting.list("inspectionId = ?1 order by heldOn desc, createdAt desc", inspectionId)));
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

    /**
     * A decision links a task of the inspection (400 naming {@code field}) that stands (409 once cancelled, 撤销).
     * Only a meeting being recorded is checked: its decisions are not edited afterwards, so a task cancelled
     * since keeps its link, which the view marks ({@code taskCancelledAt}).
     */
    private void checkTask(UUID inspectionId, UUID taskId, String field) {
        if (taskId == null) {
            return;
        }
        RectificationTask task = RectificationTask.findById(taskId);
        if (task == null || !inspectionId.equals(task.inspectionId)) {
            throw ApiException.badRequest(field, "not a task of inspection " + inspectionId + ": " + taskId);
        }
        if (task.cancelled()) {
            throw Cancellation.refusal("task " + taskId + " (" + field + ")", task.cancellation, instants)
                    .with("field", field);
        }
    }

    private static Meeting require(UUID id) {
        return Meeting.<Meeting>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("meeting", id));
    }

    private MeetingView toView(Meeting meeting) {
        return toViews(List.of(meeting)).get(0);
    }

    /**
     * The meetings as the API shows them, in their order: their decisions, the tasks of those cancelled since
     * and their minutes are each read for all the meetings at once, so a list costs as many statements for ten
     * meetings as for two.
     */
    private static List<MeetingView> toViews(List<Meeting> meetings) {
        if (meetings.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = meetings.stream().map(m -> m.id).toList();
        Map<UUID, List<MeetingDecision>> decisions = MeetingDecision.<MeetingDecision>list(
                        "meetingId in ?1 order by position", ids).stream()
                .collect(Collectors.groupingBy(d -> d.meetingId));
        Map<UUID, OffsetDateTime> cancelled = cancelledTasks(decisions.values().stream().flatMap(List::stream).toList());
        // the files' facts only: their bytes are lazy (StoredFile)
        Map<UUID, MeetingMinutes> minutes = MeetingMinutes.<MeetingMinutes>list("meetingId in ?1", ids).stream()
                .collect(Collectors.toMap(m -> m.meetingId, Function.identity()));
        return meetings.stream().map(meeting -> new MeetingView(meeting.id, meeting.version, meeting.inspectionId,
                meeting.kind, meeting.heldOn, meeting.chair, meeting.topic, List.of(meeting.attendees),
                MeetingView.Minutes.of(minutes.get(meeting.id)),
                decisions.getOrDefault(meeting.id, List.of()).stream()
                        .map(d -> MeetingView.Decision.of(d, d.taskId == null ? null : cancelled.get(d.taskId)))
                        .toList())).toList();
    }

    /**
     * When each task the decisions are about was cancelled (撤销), of those cancelled since the meeting (none
     * was before: {@link #checkTask}): one query, none for meetings about no task.
     */
    private static Map<UUID, OffsetDateTime> cancelledTasks(List<MeetingDecision> decisions) {
        List<UUID> taskIds = decisions.stream().map(d -> d.taskId).filter(Objects::nonNull).distinct().toList();
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return RectificationTask.<RectificationTask>list("id in ?1 and cancellation.at is not null", taskIds).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.cancellation.at));
    }
}
