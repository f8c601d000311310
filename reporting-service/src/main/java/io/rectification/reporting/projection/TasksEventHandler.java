package io.rectification.reporting.projection;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventReplay;
import io.rectification.platform.events.EventTopics;
import io.rectification.reporting.notice.NoticeCauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builds the rectification read models from rectification.tasks.v1; unknown event types are ignored. */
@ApplicationScoped
public class TasksEventHandler implements EventHandler {

    /** Notices ride along in the event's transaction (docs/notices.md). */
    @Inject
    NoticeCauses notices;

    /**
     * Facts of the follow-up job that the read models do not show (yet): the next task event carries
     * the same snapshot flags anyway.
     */
    static final Set<Class<? extends TasksEvent>> NOT_PROJECTED = Set.of(TasksEvent.TaskProgressReportMissing.class,
            TasksEvent.TaskLookBackDue.class);

    private final ConsumerNames names;
    private final StructureProjection structure;
    private final TaskProjection tasks;
    private final AccountabilityProjection accountability;
    private final MeetingProjection meetings;
    private final ProblemSourceLocks problemSources;

    public TasksEventHandler(ConsumerNames names, StructureProjection structure, TaskProjection tasks,
                             AccountabilityProjection accountability, MeetingProjection meetings,
                             ProblemSourceLocks problemSources) {
        this.meetings = meetings;
        this.problemSources = problemSources;
        this.names = names;
        this.structure = structure;
        this.tasks = tasks;
        this.accountability = accountability;
    }

    @Override
    public String consumerName() {
        return names.tasks();
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.TASKS);
    }

    @Override
    public void handle(EventEnvelope event) {
        handleAll(List.of(event));
    }

    /** The task events of a poll go to the task projection together (one upsert per task). */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        apply(events, Appending.KEEP_FIRST);
    }

    /** As {@link #handleAll}, the history and progress reports written by COPY (see {@link Appending#COPY}). */
    @Override
    public void replayAll(List<EventEnvelope> events) {
        apply(events, Appending.COPY);
    }

    private void apply(List<EventEnvelope> events, Appending appending) {
        List<EventData> decoded = new ArrayList<>(events.size());
        events.forEach(event -> decoded.add(EventContract.decode(event).orElse(null)));
        if (!EventReplay.onThisThread()) {
            lockProblemSources(decoded);
        }
        List<TaskProjection.Change> taskChanges = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope event = events.get(i);
            EventData data = decoded.get(i);
            if (data instanceof TasksEvent.InspectionChange change) {
                structure.inspection(event, change.inspection());
            } else if (data instanceof TasksEvent.AreaChange change) {
                structure.area(event, change.area());
            } else if (data instanceof TasksEvent.ProblemChange change) {
                structure.problem(event, change.problem());
            } else if (data instanceof TasksEvent.TaskChange change && !NOT_PROJECTED.contains(change.getClass())) {
                taskChanges.add(new TaskProjection.Change(event, change));
            } else if (data instanceof TasksEvent.LeadingGroupSet set) {
                accountability.leadingGroup(event, set.leadingGroup());
            } else if (data instanceof TasksEvent.AccountabilityOutcomeChange change) {
                accountability.outcome(event, change.outcome(), false);
            } else if (data instanceof TasksEvent.AccountabilityOutcomeWithdrawn withdrawn) {
                accountability.outcome(event, withdrawn.outcome(), true);
            } else if (data instanceof TasksEvent.RecoveredFundsChange change) {
                accountability.funds(event, change.funds(), false);
            } else if (data instanceof TasksEvent.RecoveredFundsWithdrawn withdrawn) {
                accountability.funds(event, withdrawn.funds(), true);
            } else if (data instanceof TasksEvent.MeetingHeld held) {
                meetings.meeting(event, held.meeting());
            } else if (data instanceof TasksEvent.MeetingDecisionCompleted completed) {
                meetings.meeting(event, completed.meeting());
            } else if (data instanceof TasksEvent.MeetingMinutesAttached attached) {
                // the read model keeps the decisions; the snapshot's version moves it on
                meetings.meeting(event, attached.meeting());
            }
            notices.taskEvent(event, data);
        }
        tasks.applyAll(taskChanges, appending);
    }

    /** The problems whose source this poll writes, and those whose tasks it writes ({@link ProblemSourceLocks}). */
    private void lockProblemSources(List<EventData> decoded) {
        Set<UUID> written = new HashSet<>();
        Set<UUID> tasksOf = new HashSet<>();
        for (EventData data : decoded) {
            // a member missing is the projection's to refuse, with its field named
            if (data instanceof TasksEvent.ProblemChange change && change.problem() != null && change.problem().id() != null) {
                written.add(change.problem().id());
            } else if (data instanceof TasksEvent.TaskChange change && !NOT_PROJECTED.contains(change.getClass())
                    && change.task() != null && change.task().problemId() != null) {
                tasksOf.add(change.task().problemId());
            }
        }
        problemSources.take(written, tasksOf);
    }
}
