package io.rectification.tasks.plan;

import io.rectification.platform.error.ErrorBody.FieldError;

/**
 * How many tasks one plan import takes, JSON ({@code POST /plans}) or breakdown table
 * ({@code plan-rows}, a task a row) alike, with one refusal. A plan of 2,000 tasks is imported in
 * about a second and a half in a 96 MB heap (docs/benchmarks.md); a real notice's plan has tens or
 * a few hundred. A larger one is imported in several tables (each import adds only what is new).
 */
final class PlanLimits {

    static final int MAX_TASKS = 2000;

    private PlanLimits() {
    }

    /** The refusal of a plan of {@code tasks} tasks, or null when it is within the limit. */
    static FieldError tooMany(int tasks) {
        return tasks <= MAX_TASKS ? null
                : new FieldError(FieldError.BODY, "more than " + MAX_TASKS + " tasks (" + tasks + "); split the plan");
    }
}
