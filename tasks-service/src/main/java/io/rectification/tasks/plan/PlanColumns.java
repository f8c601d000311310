package io.rectification.tasks.plan;

import java.util.List;

/**
 * The columns of the task breakdown table (任务分解表) as CSV: one row per task, headers in Chinese. The
 * indicator columns are optional, so a table written before they existed still imports.
 */
final class PlanColumns {

    static final String AREA = "反馈意见方面";
    static final String PROBLEM = "具体问题";
    static final String TITLE = "整改任务";
    static final String MEASURES = "整改措施";
    static final String LEAD_OFFICIAL = "牵头领导";
    static final String RESPONSIBLE_PERSON = "具体责任人";
    static final String RESPONSIBLE_UNIT = "责任单位";
    static final String DEADLINE = "完成时限";
    static final String KIND = "任务类型";
    static final String CADENCE = "调度频次";
    static final String MILESTONES = "阶段性目标";
    static final String NARRATIVE = "整改进展";
    // Indicators (指标), optional: several per task as ';'-separated entries in the same order in each column.
    static final String INDICATOR_NAME = "指标名称";
    static final String INDICATOR_UNIT = "指标单位";
    static final String INDICATOR_BASELINE = "指标基线";
    static final String INDICATOR_TARGET = "指标目标";
    static final String INDICATOR_ACTUAL = "指标现值";
    static final String INDICATOR_SOURCE = "指标来源";

    static final List<String> INDICATOR_DETAILS = List.of(INDICATOR_UNIT, INDICATOR_BASELINE, INDICATOR_TARGET,
            INDICATOR_ACTUAL, INDICATOR_SOURCE);

    static final List<String> ALL = List.of(AREA, PROBLEM, TITLE, MEASURES, LEAD_OFFICIAL, RESPONSIBLE_PERSON,
            RESPONSIBLE_UNIT, DEADLINE, KIND, CADENCE, MILESTONES, NARRATIVE, INDICATOR_NAME, INDICATOR_UNIT, INDICATOR_BASELINE,
            INDICATOR_TARGET, INDICATOR_ACTUAL, INDICATOR_SOURCE);
    static final List<String> REQUIRED = List.of(AREA, PROBLEM, TITLE, MEASURES, LEAD_OFFICIAL, RESPONSIBLE_PERSON,
            RESPONSIBLE_UNIT, DEADLINE, KIND);


    private PlanColumns() {
    }
}
