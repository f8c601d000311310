package io.rectification.tasks.problem;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.support.Cancellation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A problem as the API and the Problem events show it; percentComplete is the average of its tasks that stand.
 * {@code cancellation}: the office cancelled it (撤销) as entered by mistake, why, who, when; the events carry
 * {@code cancelledAt} alone (the reason stays in the service).
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "areaId", "number", "title", "source",
        "percentComplete"})
public record ProblemView(UUID id, long version, UUID inspectionId, UUID areaId, int number, String title,
                          String description, ProblemSource source, UUID sourceFeedbackId, UUID extendsProblemId,
                          int percentComplete, Cancellation.View cancellation) {

    /** As the Problem events carry it. */
    public TasksEvent.ProblemSnapshot published() {
        return new TasksEvent.ProblemSnapshot(id, version, inspectionId, areaId, number, title, description,
                source.name(), sourceFeedbackId, extendsProblemId, percentComplete,
                cancellation == null ? null : cancellation.at());
    }
}
