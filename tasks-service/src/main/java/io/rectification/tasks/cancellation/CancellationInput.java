package io.rectification.tasks.cancellation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Why a task, problem or area is cancelled (撤销): entered twice, under the wrong problem, a finding of
 * another inspection. Kept, stripped, with what it cancels and in its audit entry; never published (the
 * events carry {@code cancelledAt} alone), so it may say what staff need to say.
 */
public record CancellationInput(@NotBlank @Size(max = 500) String reason) {

    /** The request example every cancellation's OpenAPI operation shows. */
    static final String EXAMPLE = """
            {
              "reason": "计划表重复导入，与（一）3.一是为同一任务"
            }""";
}
