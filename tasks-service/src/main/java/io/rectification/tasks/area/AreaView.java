package io.rectification.tasks.area;

import java.util.UUID;

/** An area as the API and the Area events show it; percentComplete is the average of its tasks. */
public record AreaView(UUID id, long version, UUID inspectionId, int number, String title, int percentComplete) {
}
