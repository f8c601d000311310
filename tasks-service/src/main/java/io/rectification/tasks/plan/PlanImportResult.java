package io.rectification.tasks.plan;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** The ids a plan import created, in the plan's own order. */
@Schema(requiredProperties = {"inspectionId", "areaCount", "problemCount", "taskCount", "areas"})
public record PlanImportResult(UUID inspectionId, int areaCount, int problemCount, int taskCount,
                               List<AreaIds> areas) {

    @Schema(requiredProperties = {"id", "problems"})
    public record AreaIds(UUID id, List<ProblemIds> problems) {
    }

    @Schema(requiredProperties = {"id", "tasks"})
    public record ProblemIds(UUID id, List<UUID> tasks) {
    }
}
