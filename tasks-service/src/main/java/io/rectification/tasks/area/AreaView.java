package io.rectification.tasks.area;

import io.rectification.platform.contract.TasksEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An area as the API and the Area events show it; percentComplete is the average of its tasks. */
@Schema(requiredProperties = {"id", "version", "inspectionId", "number", "title", "percentComplete"})
public record AreaView(UUID id, long version, UUID inspectionId, int number, String title, int percentComplete) {

    /** As the Area events carry it. */
    public TasksEvent.AreaSnapshot published() {
        return new TasksEvent.AreaSnapshot(id, version, inspectionId, number, title, percentComplete, null);
    }
}
