package io.rectification.tasks.plan;

import io.rectification.tasks.task.ReportingCadence;
import io.rectification.tasks.task.TaskKind;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The example row of the task breakdown table's template. Its dates are month ends after the day it
 * is made for (today, or the inspection's on-site start when that is later), so the template an
 * office downloads for its inspection imports unchanged: no date before the on-site start, which the
 * import refuses. Kind and cadence are in the words the console shows ({@link PlanChoices}).
 */
final class PlanTemplate {

    private PlanTemplate() {
    }

    /** The day the example's dates follow: today, or the inspection's on-site start if later. */
    static LocalDate startingFrom(LocalDate today, LocalDate onSiteFrom) {
        return onSiteFrom != null && onSiteFrom.isAfter(today) ? onSiteFrom : today;
    }

    /** The example row, a cell for each of {@link PlanColumns#ALL}: stage goals at 3 and 6 months, the deadline at 12. */
    static List<String> exampleRow(LocalDate from) {
        YearMonth month = YearMonth.from(from);
        LocalDate ledger = month.plusMonths(3).atEndOfMonth();
        LocalDate paid = month.plusMonths(6).atEndOfMonth();
        LocalDate deadline = month.plusMonths(12).atEndOfMonth();
        return List.of("贯彻落实党中央决策部署和省委要求不到位", "做好优化营商环境重点工作", "全力解决政府失信问题",
                "狠抓财政收入,提升综合财力。建立专属欠款台账,全力推进兑付程序。", "管委会主任", "财政金融局负责人", "财政金融局",
                deadline.toString(), PlanChoices.KIND.word(TaskKind.LONG_TERM), PlanChoices.CADENCE.word(ReportingCadence.MONTHLY),
                "建立欠款台账@" + ledger + ";完成兑付@" + paid, "",
                "拖欠企业账款金额;欠款台账建账率", "万元;%", "5000;", "下降50%;≥100", "", "");
    }
}
