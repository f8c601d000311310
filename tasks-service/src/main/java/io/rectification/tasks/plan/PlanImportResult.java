package io.rectification.tasks.plan;

import java.util.List;
import java.util.UUID;

/** The ids a plan import created, in the plan's own order. */
public record PlanImportResult(UUID inspectionId, int areaCount, int problemCount, int taskCount,
                               List<AreaIds> areas) {

    public record AreaIds(UUID id, List<ProblemIds> problems) {
    }

    public record ProblemIds(UUID id, List<UUID> tasks) {
    }
}
