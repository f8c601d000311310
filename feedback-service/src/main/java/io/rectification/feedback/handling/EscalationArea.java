package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The area an escalation names must be one of the feedback's own inspection. tasks-service files an
 * escalation whose area is not that inspection's under 「群众反馈意见建议」 instead, so without this
 * check the feedback kept an area of another inspection while its problem stood elsewhere, and staff
 * were never told. An area not (yet) announced here is 422 with a retry hint, as for publications;
 * one of another inspection is 400. Both name {@code areaId}.
 */
@ApplicationScoped
class EscalationArea {

    private final LedgerReadModel ledger;

    EscalationArea(LedgerReadModel ledger) {
        this.ledger = ledger;
    }

    void require(Feedback feedback, UUID areaId) {
        UUID inspection = ledger.inspectionOfArea(areaId).orElseThrow(() -> {
            String message = "area " + areaId + " is not known to feedback-service; if it was registered in "
                    + "tasks-service just now, retry in a few seconds, or leave areaId out to file the problem under "
                    + "群众反馈意见建议";
            return new ApiException(422, "Unknown area", "areaId: " + message,
                    List.of(new ErrorBody.FieldError("areaId", message))).with("retryAfterSeconds", 5);
        });
        if (!inspection.equals(feedback.inspectionId)) {
            throw ApiException.badRequest("areaId", "area " + areaId + " belongs to inspection " + inspection
                    + ", not to this feedback's " + feedback.inspectionId);
        }
    }
}
