package io.rectification.feedback.ledger;

import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a part of the ledger (an area, problem or task) may be linked to a feedback: only one of the
 * feedback's own inspection, as tasks-service announced it here. The one rule of every link a feedback
 * gets, whoever gives it: triage and escalation (handling's LedgerLinks), staff's intake and the public's
 * (web form and Open311, judged in intake's SubmissionBatch). Without it a submission on one inspection's
 * publication could name another inspection's area or task and be stored so, its link leading into a
 * ledger it is not about. So is the rule of a task named beside an area ({@link #requireUnder}). Each channel
 * answers them in its own words: {@link #require} and {@link #requireUnder} in staff's (English, as the staff
 * API's problems), the public intake in the submitter's language.
 */
public enum PartOf {

    /** A part of the feedback's inspection: it may be linked (a cancelled one is each step's own decision). */
    THIS_INSPECTION,
    /** Not heard of here: not registered in tasks-service, or registered a moment ago and not read yet: 422, retry. */
    UNKNOWN,
    /** A part of another inspection: 400 naming the field. */
    ANOTHER_INSPECTION;

    /** How long a client is told to wait before it asks again about a part not heard of here. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Judges a part by the inspection tasks-service announced it under ({@code partsInspectionId}, null when the
     * part is not known here) against the feedback's ({@code inspectionId}).
     */
    public static PartOf judge(UUID partsInspectionId, UUID inspectionId) {
        return partsInspectionId == null ? UNKNOWN
                : partsInspectionId.equals(inspectionId) ? THIS_INSPECTION : ANOTHER_INSPECTION;
    }

    /**
     * The part's place, when it is one of the inspection's; else staff's refusal naming {@code field}: 422 with
     * {@code retryAfterSeconds} for one not heard of ({@code otherwise} ends that message), 400 for another
     * inspection's.
     */
    public static Placement require(UUID inspectionId, String field, String part, UUID id, Optional<Placement> found,
                                    String otherwise) {
        return switch (judge(found.map(Placement::inspectionId).orElse(null), inspectionId)) {
            case THIS_INSPECTION -> found.get();
            case UNKNOWN -> {
                String message = part + " " + id + " is not known to feedback-service; if it was registered in "
                        + "tasks-service just now, retry in a few seconds" + otherwise;
                throw new ApiException(422, "Unknown " + part, field + ": " + message,
                        List.of(new ErrorBody.FieldError(field, message)))
                        .with("retryAfterSeconds", RETRY_AFTER_SECONDS);
            }
            case ANOTHER_INSPECTION -> throw ApiException.badRequest(field, part + " " + id + " belongs to inspection "
                    + found.get().inspectionId() + ", not to this feedback's " + inspectionId);
        };
    }

    /**
     * A task named beside an area must lie under it ({@link Placement#isUnder}), whoever names both (triage, staff's
     * intake; the public's in its own words): else staff's refusal, 400 naming {@code taskId}, the part that does not
     * fit where the other places it (as a task beside another problem's id is). Without it a feedback was stored
     * under one area and a task of another, and counted under both.
     */
    public static void requireUnder(Placement task, UUID areaId) {
        if (!task.isUnder(areaId)) {
            throw ApiException.badRequest("taskId", "task " + task.taskId() + " is not under area " + areaId
                    + ", it is under area " + task.areaId() + "; give either, or both of one area");
        }
    }
}
