package io.rectification.feedback.ledger;

import io.rectification.platform.contract.EventContract;
import io.rectification.platform.contract.EventData;
import io.rectification.platform.contract.TasksEvent;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.rectification.feedback.ledger.Members.integer;
import static io.rectification.feedback.ledger.Members.integerOr;
import static io.rectification.feedback.ledger.Members.required;
import static io.rectification.feedback.ledger.Members.text;

/**
 * Reads rectification.tasks.v1 as the contract's records: keeps {@link LedgerReadModel}
 * (inspections, areas, problems, tasks) and closes the escalation loop: a problem registered from a
 * feedback links it (ProblemRegistered with source FEEDBACK and sourceFeedbackId), a
 * FeedbackEscalationRefused shows staff why it was not. AreaCancelled, ProblemCancelled and
 * TaskCancelled (撤销) are kept as the other changes of their aggregate are, with the snapshot's
 * {@code cancelledAt}. Unknown types are ignored; a known type with a missing or malformed member is
 * dead-lettered with the member's path.
 */
@ApplicationScoped
public class TasksEventHandler implements EventHandler {

    static final String CONSUMER = "feedback-service.tasks-events";

    private final LedgerReadModel ledger;
    private final EscalationReplies outcomes;

    public TasksEventHandler(LedgerReadModel ledger, EscalationReplies outcomes) {
        this.ledger = ledger;
        this.outcomes = outcomes;
    }

    @Override
    public String consumerName() {
        return CONSUMER;
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.TASKS);
    }

    @Override
    public Set<Class<? extends EventData>> reads() {
        return Set.of(TasksEvent.InspectionChange.class, TasksEvent.AreaChange.class, TasksEvent.ProblemChange.class,
                TasksEvent.TaskChange.class, TasksEvent.FeedbackEscalationRefused.class);
    }

    @Override
    public void handle(EventEnvelope event) {
        long version = event.aggregateversion() == null ? 0 : event.aggregateversion();
        EventData data = EventContract.decode(event).orElse(null);
        if (data instanceof TasksEvent.InspectionChange change) {
            TasksEvent.InspectionSnapshot inspection = required(change.inspection(), "data");
            ledger.inspection(required(inspection.id(), "data.id"), version, text(inspection.title(), "data.title"));
        } else if (data instanceof TasksEvent.AreaChange change) {
            TasksEvent.AreaSnapshot area = required(change.area(), "data.area");
            ledger.area(required(area.id(), "data.area.id"), required(area.inspectionId(), "data.area.inspectionId"),
                    version, integer(area.number(), 1, 10_000, "data.area.number"), text(area.title(), "data.area.title"),
                    area.cancelledAt());
        } else if (data instanceof TasksEvent.ProblemChange change) {
            problem(required(change.problem(), "data.problem"), version);
        } else if (data instanceof TasksEvent.TaskChange change) {
            task(required(change.task(), "data.task"), version);
        } else if (data instanceof TasksEvent.FeedbackEscalationRefused refusal) {
            outcomes.refused(required(refusal.feedbackId(), "data.feedbackId"), refusal.feedbackVersion(),
                    text(refusal.field(), "data.field"),
                    text(refusal.reason(), "data.reason"));
        }
        // anything else: a type this build does not know, or one the read model does not keep
    }

    private void problem(TasksEvent.ProblemSnapshot problem, long version) {
        UUID id = required(problem.id(), "data.problem.id");
        String source = text(problem.source(), "data.problem.source");
        UUID sourceFeedbackId = problem.sourceFeedbackId();
        ledger.problem(new LedgerReadModel.KnownProblem(id, required(problem.inspectionId(), "data.problem.inspectionId"),
                required(problem.areaId(), "data.problem.areaId"), integer(problem.number(), 1, 100_000, "data.problem.number"),
                text(problem.title(), "data.problem.title"), source, sourceFeedbackId,
                integerOr(problem.percentComplete(), 0, 100, 0, "data.problem.percentComplete"), problem.cancelledAt()),
                version);
        if ("FEEDBACK".equals(source) && sourceFeedbackId != null) {
            outcomes.becameProblem(sourceFeedbackId, id);
        }
    }

    private void task(TasksEvent.TaskSnapshot task, long version) {
        ledger.task(required(task.id(), "data.task.id"), required(task.inspectionId(), "data.task.inspectionId"),
                required(task.areaId(), "data.task.areaId"), required(task.problemId(), "data.task.problemId"), version,
                integer(task.number(), 1, 100_000, "data.task.number"), text(task.title(), "data.task.title"),
                text(task.state(), "data.task.state"),
                integerOr(task.percentComplete(), 0, 100, 0, "data.task.percentComplete"), task.cancelledAt());
    }
}
