package io.rectification.tasks.area;

import io.rectification.platform.contract.TasksEvent;
import io.rectification.tasks.support.Cancellation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * An area as the API and the Area events show it; percentComplete is the average of its tasks that stand.
 * {@code cancellation}: the office cancelled it (撤销) as entered by mistake, why, who, when; the events carry
 * {@code cancelledAt} alone (the reason stays in the service).
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "number", "title", "percentComplete"})
public record AreaView(UUID id, long version, UUID inspectionId, int number, String title, int percentComplete,
                       Cancellation.View cancellation) {

    /** As the Area events carry it. */
    public TasksEvent.AreaSnapshot published() {
        return new TasksEvent.AreaSnapshot(id, version, inspectionId, number, title, percentComplete,
                cancellation == null ? null : cancellation.at());
    }
}
