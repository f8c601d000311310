package io.rectification.tasks.problem;

import java.util.UUID;

/** A problem as the API and the Problem events show it; percentComplete is the average of its tasks. */
public record ProblemView(UUID id, long version, UUID inspectionId, UUID areaId, int number, String title,
                          String description, ProblemSource source, UUID sourceFeedbackId, int percentComplete) {
}
