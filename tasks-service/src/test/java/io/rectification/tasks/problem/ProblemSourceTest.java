package io.rectification.tasks.problem;

import io.rectification.platform.contract.TasksEvent;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inspection's findings are the problems tasks-service registers as {@link ProblemSource#PLAN}, and
 * the other services know them by the event contract's name for that source: the two must be one name.
 */
@Tag("fast")
class ProblemSourceTest {

    @Test
    void theFindingsSourceIsTheOneTheEventContractNames() {
        assertEquals(TasksEvent.ProblemSnapshot.INSPECTION_FINDING, ProblemSource.PLAN.name());
    }
}
