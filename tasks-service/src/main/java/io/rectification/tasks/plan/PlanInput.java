package io.rectification.tasks.plan;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.tasks.inspection.InspectionInput;
import io.rectification.tasks.task.TaskInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * 整改方案 with its 任务分解表 as one JSON document: the inspection, its feedback areas in order
 * ((一), (二)…), each area's problems in order (1., 2.…) and each problem's tasks (一是, 二是…).
 */
public record PlanInput(
        @NotNull @Valid InspectionInput inspection,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid AreaPlan> areas) {

    public record AreaPlan(
            @NotBlank @Size(max = 500) @NoContactDetails String title,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid ProblemPlan> problems) {
    }

    public record ProblemPlan(
            @NotBlank @Size(max = 500) @NoContactDetails String title,
            @Size(max = 20000) @NoContactDetails String description,
            @Size(max = 100) List<@NotNull @Valid TaskInput> tasks) {

        public List<TaskInput> tasksOrEmpty() {
            return tasks == null ? List.of() : tasks;
        }
    }
}
