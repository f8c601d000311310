package io.rectification.tasks.lists;

import io.rectification.tasks.problem.ProblemSource;
import io.rectification.tasks.task.TaskKind;
import io.rectification.tasks.task.TaskState;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The rows of the three lists (问题清单、任务清单、责任清单); {@code label} is the notice's numbering, e.g. (一)3.二是. */
public final class ListRows {

    private ListRows() {
    }

    public record ProblemRow(UUID problemId, String label, int areaNumber, String areaTitle, int problemNumber,
                             String title, ProblemSource source, int taskCount, int percentComplete) {
    }

    public record TaskRow(UUID taskId, String label, int areaNumber, String areaTitle, int problemNumber,
                          String problemTitle, int taskNumber, String title, String measures, TaskKind kind,
                          LocalDate deadline, TaskState state, int percentComplete, String leadOfficial,
                          String responsiblePerson, String responsibleUnit) {
    }

    public record Responsibility(String name, int taskCount, List<TaskRow> tasks) {
    }

    public record ResponsibilityList(UUID inspectionId, List<Responsibility> byLeadOfficial,
                                     List<Responsibility> byResponsibleUnit) {
    }
}
