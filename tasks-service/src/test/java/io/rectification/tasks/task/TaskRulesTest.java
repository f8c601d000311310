package io.rectification.tasks.task;

import io.rectification.platform.error.ErrorBody.FieldError;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task plan's rules beyond its fields' constraints, alone: plain JUnit, no services. */
@Tag("fast")
class TaskRulesTest {

    static final LocalDate ON_SITE_FROM = LocalDate.of(2024, 4, 7);

    static TaskInput task(LocalDate deadline, TaskKind kind, List<IndicatorInput> indicators,
                          List<MilestoneInput> milestones) {
        return new TaskInput("全力解决政府失信问题", "建立专属欠款台账", null, "王副主任", "李科长", "财政金融局",
                deadline, kind, null, null, indicators, milestones);
    }

    @Test
    void aSoundPlanHasNoErrors() {
        assertEquals(List.of(), TaskRules.check(task(LocalDate.of(2024, 12, 31), TaskKind.TIME_BOUND, null, null),
                ON_SITE_FROM, ""));
        assertEquals(List.of(), TaskRules.check(task(ON_SITE_FROM, TaskKind.LONG_TERM, null,
                List.of(new MilestoneInput("建立台账", ON_SITE_FROM))), ON_SITE_FROM, ""));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceWithItsPlace() {
        TaskInput broken = task(LocalDate.of(2024, 4, 6), TaskKind.TIME_BOUND,
                List.of(new IndicatorInput("编外人员", "人", null, TargetKind.RELATIVE_PERCENT, BigDecimal.TEN,
                        Direction.DECREASE, BigDecimal.ONE, " ")),
                List.of(new MilestoneInput("建立台账", LocalDate.of(2024, 1, 31))));
        List<String> fields = TaskRules.check(broken, ON_SITE_FROM, "rows[3].").stream().map(FieldError::field).toList();
        assertEquals(List.of("rows[3].deadline", "rows[3].milestones[0].dueDate", "rows[3].indicators[0].unit",
                "rows[3].indicators[0].actualSource"), fields);
    }

    @Test
    void aLongTermTaskNeedsAStageGoal() {
        List<FieldError> errors = TaskRules.check(task(LocalDate.of(2025, 12, 31), TaskKind.LONG_TERM, null, List.of()),
                ON_SITE_FROM, "");
        assertEquals(List.of("milestones"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void theDayTheInspectionBeganIsNotTooEarly() {
        assertEquals(List.of(), TaskRules.checkDeadline(ON_SITE_FROM, ON_SITE_FROM, "deadline"));
        assertEquals(1, TaskRules.checkDeadline(ON_SITE_FROM.minusDays(1), ON_SITE_FROM, "deadline").size());
        assertEquals(List.of(), TaskRules.checkDeadline(null, ON_SITE_FROM, "deadline"));
    }
}
