package io.rectification.reporting.projection;

import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import io.rectification.reporting.notice.NoticeCauses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/** Builds the rectification read models from rectification.tasks.v1; unknown event types are ignored. */
@ApplicationScoped
public class TasksEventHandler implements EventHandler {

    /** Notices ride along in the event's transaction (docs/notices.md). */
    @Inject
    NoticeCauses notices;

    static final Set<String> TASK_EVENTS = Set.of("TaskCreated", "TaskUpdated", "TaskProgressReported",
            "TaskCompletionClaimed", "TaskCompletionRejected", "TaskVerified", "TaskCompleted", "TaskConsolidating",
            "TaskReopened", "TaskOverdue", "IndicatorRecorded", "MilestoneAchieved");

    private final ConsumerNames names;
    private final StructureProjection structure;
    private final TaskProjection tasks;

    public TasksEventHandler(ConsumerNames names, StructureProjection structure, TaskProjection tasks) {
        this.names = names;
        this.structure = structure;
        this.tasks = tasks;
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
        switch (event.type()) {
            case "InspectionRegistered", "InspectionUpdated" -> structure.inspection(event);
            case "AreaRegistered", "AreaUpdated" -> structure.area(event);
            case "ProblemRegistered", "ProblemUpdated" -> structure.problem(event);
            default -> {
                if (TASK_EVENTS.contains(event.type())) {
                    tasks.apply(event);
                }
            }
        }
        notices.taskEvent(event);
    }
}
