package io.rectification.tasks.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * 举一反三 rolled up: a problem with the problems extending it to other units or fields (source ANALOGY,
 * {@code extendsProblemId} this one), and the progress of all their tasks together: per responsible
 * unit ({@code units}, each once, by name) and overall ({@code taskCount}, {@code percentComplete}: the
 * average over every task of the problem and its extensions, each task counting once).
 */
@Schema(requiredProperties = {"problemId", "taskCount", "percentComplete", "extensions", "units"})
public record ProblemExtensionsView(UUID problemId, int taskCount, int percentComplete, List<Extension> extensions,
                                    List<Unit> units) {

    /** A problem extending this one, with its own tasks' progress. */
    @Schema(requiredProperties = {"id", "areaId", "number", "title", "taskCount", "percentComplete"})
    public record Extension(UUID id, UUID areaId, int number, String title, int taskCount, int percentComplete) {
    }

    /** One responsible unit's tasks, the problem's and its extensions' together; {@code closedOut}: 销号 of them. */
    @Schema(requiredProperties = {"responsibleUnit", "taskCount", "closedOut", "percentComplete"})
    public record Unit(String responsibleUnit, int taskCount, int closedOut, int percentComplete) {
    }
}
