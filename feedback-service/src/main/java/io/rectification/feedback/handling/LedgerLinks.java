package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.feedback.ledger.PartOf;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The parts of the ledger a feedback is linked to (triage) or filed under (escalation) must be parts
 * of the feedback's own inspection, as tasks-service announced them here. Without this a triage
 * stored any id sent (a typo, a task of another inspection), and the link led nowhere. A part not
 * (yet) announced is 422 with a retry hint, as for publications; one of another inspection, or a
 * task and problem or area that do not belong together ({@link PartOf#requireUnder}, intake's rule too), is
 * 400; one the office cancelled (撤销) since is 409 unless the feedback is linked to it already. Each names the member. Whether a part is the inspection's is
 * {@link PartOf}, the rule intake applies too.
 */
@ApplicationScoped
class LedgerLinks {

    private final LedgerReadModel ledger;

    LedgerLinks(LedgerReadModel ledger) {
        this.ledger = ledger;
    }

    /**
     * Where the most specific of the links given places the feedback (a task places it under its
     * problem and area, a problem under its area), after checking that the others agree; null when
     * none is given.
     */
    Placement place(Feedback feedback, UUID areaId, UUID problemId, UUID taskId) {
        Placement task = taskId == null ? null
                : standing(feedback.taskId, "taskId", "task", taskId,
                        require(feedback, "taskId", "task", taskId, ledger.task(taskId), ""));
        Placement problem = problemId == null ? null
                : standing(feedback.problemId, "problemId", "problem", problemId,
                        require(feedback, "problemId", "problem", problemId, ledger.problem(problemId), ""));
        Placement area = areaId == null ? null
                : standing(feedback.areaId, "areaId", "area", areaId,
                        require(feedback, "areaId", "area", areaId, ledger.area(areaId), ""));
        if (task != null && problem != null && !task.problemId().equals(problemId)) {
            throw ApiException.badRequest("taskId", "task " + taskId + " belongs to problem " + task.problemId()
                    + ", not to problem " + problemId + "; give either, or both of one problem");
        }
        if (task != null) {
            PartOf.requireUnder(task, areaId);
        } else if (problem != null && !problem.isUnder(areaId)) {
            throw ApiException.badRequest("areaId", "area " + areaId + " is not the area of the problem given, which is "
                    + problem.areaId());
        }
        Placement specific = task != null ? task : problem;
        return specific != null ? specific : area;
    }

    /** The area an escalation files the new problem under. */
    void requireArea(Feedback feedback, UUID areaId) {
        standing(null, "areaId", "area", areaId, require(feedback, "areaId", "area", areaId, ledger.area(areaId),
                ", or leave areaId out to file the problem under 群众反馈意见建议"));
    }

    /**
     * Staff newly link nothing to what the office cancelled (撤销, entered by mistake): 409 naming the
     * field. The feedback's own link to it stands ({@code linked}: the id it is linked to now), so
     * triage that leaves the link as it was is not refused; so does a submitter's choice made on a form
     * loaded before the cancellation (intake keeps it, marked: FeedbackIntakeService.LINK_DESCRIPTION).
     */
    private static Placement standing(UUID linked, String field, String part, UUID id, Placement placement) {
        if (placement.cancelled() && !id.equals(linked)) {
            String message = part + " " + id + " was cancelled in tasks-service (撤销: entered by mistake); "
                    + "link the feedback to one that stands";
            throw new ApiException(409, "Cancelled " + part, field + ": " + message,
                    List.of(new ErrorBody.FieldError(field, message)));
        }
        return placement;
    }

    /** The part's place when it is of the feedback's inspection: the one rule of every link ({@link PartOf}). */
    private static Placement require(Feedback feedback, String field, String part, UUID id, Optional<Placement> found,
                                     String otherwise) {
        return PartOf.require(feedback.inspectionId, field, part, id, found, otherwise);
    }
}
