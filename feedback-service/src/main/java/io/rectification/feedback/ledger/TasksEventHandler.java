package io.rectification.feedback.ledger;

import io.rectification.feedback.feedback.EscalationOutcomes;
import io.rectification.platform.events.EventEnvelope;
import io.rectification.platform.events.EventHandler;
import io.rectification.platform.events.EventTopics;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Reads rectification.tasks.v1: keeps {@link LedgerReadModel} (inspections, areas, problems,
 * tasks) and closes the escalation loop: a problem registered from a feedback links it
 * (ProblemRegistered with source FEEDBACK and sourceFeedbackId), a FeedbackEscalationRefused
 * shows staff why it was not. Unknown types are ignored; a known type with a missing or malformed
 * member is dead-lettered with the member's path.
 */
@ApplicationScoped
public class TasksEventHandler implements EventHandler {

    static final String CONSUMER = "feedback-service.tasks-events";

    private final LedgerReadModel ledger;
    private final EscalationOutcomes outcomes;

    public TasksEventHandler(LedgerReadModel ledger, EscalationOutcomes outcomes) {
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
    public void handle(EventEnvelope event) {
        String type = event.type() == null ? "" : event.type();
        long version = event.aggregateversion() == null ? 0 : event.aggregateversion();
        switch (type) {
            case "InspectionRegistered", "InspectionUpdated" -> {
                EventFields inspection = EventFields.of(event.data());
                ledger.inspection(inspection.uuid("id"), version, inspection.text("title"));
            }
            case "AreaRegistered", "AreaUpdated" -> {
                EventFields area = EventFields.of(event.data()).object("area");
                ledger.area(area.uuid("id"), area.uuid("inspectionId"), version, area.integer("number", 1, 10_000),
                        area.text("title"));
            }
            case "ProblemRegistered", "ProblemUpdated" -> problem(EventFields.of(event.data()).object("problem"), version);
            case "FeedbackEscalationRefused" -> {
                EventFields refusal = EventFields.of(event.data());
                outcomes.refused(refusal.uuid("feedbackId"), refusal.text("field"), refusal.text("reason"));
            }
            default -> {
                if ("Task".equals(event.aggregatetype()) && event.data() != null && event.data().has("task")) {
                    task(EventFields.of(event.data()).object("task"), version);
                }
            }
        }
    }

    private void problem(EventFields problem, long version) {
        UUID id = problem.uuid("id");
        String source = problem.text("source");
        UUID sourceFeedbackId = problem.optionalUuid("sourceFeedbackId");
        ledger.problem(new LedgerReadModel.KnownProblem(id, problem.uuid("inspectionId"), problem.uuid("areaId"),
                problem.integer("number", 1, 100_000), problem.text("title"), source, sourceFeedbackId,
                problem.integerOr("percentComplete", 0, 100, 0)), version);
        if ("FEEDBACK".equals(source) && sourceFeedbackId != null) {
            outcomes.becameProblem(sourceFeedbackId, id);
        }
    }

    private void task(EventFields task, long version) {
        ledger.task(task.uuid("id"), task.uuid("inspectionId"), task.uuid("areaId"), task.uuid("problemId"), version,
                task.integer("number", 1, 100_000), task.text("title"), task.text("state"),
                task.integerOr("percentComplete", 0, 100, 0));
    }
}
