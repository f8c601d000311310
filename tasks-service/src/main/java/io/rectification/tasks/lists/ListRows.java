package io.rectification.tasks.lists;

import io.rectification.platform.lists.ProblemLine;
import io.rectification.platform.lists.TaskLine;
import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.TaskKind;
import io.rectification.tasks.task.TaskState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The rows of the three lists (问题清单、任务清单、责任清单); {@code label} is the notice's numbering, e.g. （一）3.二是 (platform PlanNumbering). */
public final class ListRows {

    private ListRows() {
    }

    @Schema(requiredProperties = {"problemId", "label", "areaNumber", "areaTitle", "problemNumber", "title",
            "source", "taskCount", "closedTaskCount", "percentComplete"})
    public record ProblemRow(UUID problemId, String label, int areaNumber, String areaTitle, int problemNumber,
                             String title, String description, ProblemSource source, int taskCount,
                             int closedTaskCount, int percentComplete) {

        /** As every export of 问题清单 writes it. */
        ProblemLine line() {
            return new ProblemLine(areaNumber, areaTitle, problemNumber, title, description, source.name(), taskCount,
                    closedTaskCount, percentComplete);
        }
    }

    @Schema(requiredProperties = {"taskId", "label", "areaNumber", "areaTitle", "problemNumber", "problemTitle",
            "taskNumber", "title", "measures", "kind", "deadline", "state", "percentComplete", "leadOfficial",
            "responsiblePerson", "responsibleUnit"})
    public record TaskRow(UUID taskId, String label, int areaNumber, String areaTitle, int problemNumber,
                          String problemTitle, int taskNumber, String title, String measures, TaskKind kind,
                          LocalDate deadline, TaskState state, int percentComplete, String progressNarrative,
                          String leadOfficial, String responsiblePerson, String responsibleUnit) {

        /** As every export of 任务清单 and 责任清单 writes it. */
        TaskLine line() {
            return new TaskLine(areaNumber, areaTitle, problemNumber, problemTitle, taskNumber, title, measures,
                    kind == null ? null : kind.name(), deadline,
                    state == null ? null : state.name(), percentComplete, progressNarrative, leadOfficial,
                    responsiblePerson, responsibleUnit);
        }
    }

    @Schema(requiredProperties = {"name", "taskCount", "tasks"})
    public record Responsibility(String name, int taskCount, List<TaskRow> tasks) {
    }

    @Schema(requiredProperties = {"inspectionId", "byLeadOfficial", "byResponsibleUnit"})
    public record ResponsibilityList(UUID inspectionId, List<Responsibility> byLeadOfficial,
                                     List<Responsibility> byResponsibleUnit) {
    }
}
