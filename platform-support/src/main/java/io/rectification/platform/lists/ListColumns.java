package io.rectification.platform.lists;

import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.table.Table;
import io.rectification.platform.text.PlanNumbering;
import io.rectification.platform.text.StaffWords;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The columns of the three lists, said once: every export of a list (tasks-service's live one,
 * reporting-service's as of a day) writes these headers and these cells, with the codes shown as
 * the words of the notice (限期整改, 已销号, 巡视反馈). A column the task breakdown table (任务分解表,
 * tasks-service plan/PlanColumns) also has is named as the import names it and holds what the import
 * reads there: {@link #AREA} is the area's own title, its number is 方面序号 beside it; who is responsible
 * (牵头领导, 具体责任人, 责任单位) in the import's words too, so a list printed for a meeting says who answers for
 * each task as the screen does. 是否逾期 marks what is overdue on the list's day. The lists are
 * reports, not the whole plan (no 调度频次, 阶段性目标, 指标); the plan in the import's columns is
 * tasks-service's {@code GET /inspections/{id}/plan.xlsx}.
 */
public final class ListColumns<R> {

    /** The staff's words, as the console and the dashboards show them: a list and its export agree. */
    static final Map<String, String> KIND = StaffWords.KIND;
    static final Map<String, String> STATE = StaffWords.STATE;
    static final Map<String, String> SOURCE = StaffWords.SOURCE;

    /** The import's names of the columns the lists share with it. */
    static final String AREA_NUMBER = "方面序号";
    static final String AREA = "反馈意见方面";
    static final String LEAD_OFFICIAL = "牵头领导";
    static final String RESPONSIBLE_PERSON = "具体责任人";
    static final String RESPONSIBLE_UNIT = "责任单位";
    static final String DEADLINE = "完成时限";
    /** 是/否: overdue as of the day the list stands on, the platform's one rule ({@link TaskStates#overdue}). */
    static final String OVERDUE = "是否逾期";

    public static final ListColumns<ProblemLine> PROBLEMS = new ListColumns<ProblemLine>(RectificationList.PROBLEMS)
            .column(AREA_NUMBER, ProblemLine::areaNumber)
            .column(AREA, ProblemLine::areaTitle)
            .column("问题序号", ProblemLine::problemNumber)
            .column("具体问题", ProblemLine::title)
            .column("问题描述", ProblemLine::description)
            .column("来源", line -> word(SOURCE, line.source()))
            .column("整改任务数", ProblemLine::taskCount)
            .column("已销号任务数", ProblemLine::closedTaskCount)
            .column("完成进度(%)", ProblemLine::percentComplete);

    public static final ListColumns<TaskLine> TASKS = new ListColumns<TaskLine>(RectificationList.TASKS)
            .column(AREA_NUMBER, TaskLine::areaNumber)
            .column(AREA, TaskLine::areaTitle)
            .column("问题序号", TaskLine::problemNumber)
            .column("具体问题", TaskLine::problemTitle)
            .column("任务序号", ListColumns::taskOrdinal)
            .column("整改任务", TaskLine::title)
            .column("整改措施", TaskLine::measures)
            .column(LEAD_OFFICIAL, TaskLine::leadOfficial)
            .column(RESPONSIBLE_PERSON, TaskLine::responsiblePerson)
            .column(RESPONSIBLE_UNIT, TaskLine::responsibleUnit)
            .column("任务类型", line -> word(KIND, line.kind()))
            .column(DEADLINE, TaskLine::deadline)
            .dayColumn(OVERDUE, ListColumns::overdue)
            .column("状态", line -> word(STATE, line.state()))
            .column("完成进度(%)", TaskLine::percentComplete)
            .column("整改进展", TaskLine::progressNarrative);

    /** Grouped by lead official, then by responsible unit; in the plan's order within each. */
    public static final ListColumns<TaskLine> RESPONSIBILITIES = new ListColumns<TaskLine>(RectificationList.RESPONSIBILITIES)
            .column(AREA_NUMBER, TaskLine::areaNumber)
            .column(AREA, TaskLine::areaTitle)
            .column("问题序号", TaskLine::problemNumber)
            .column("任务序号", ListColumns::taskOrdinal)
            .column("整改任务", TaskLine::title)
            .column(LEAD_OFFICIAL, TaskLine::leadOfficial)
            .column(RESPONSIBLE_PERSON, TaskLine::responsiblePerson)
            .column(RESPONSIBLE_UNIT, TaskLine::responsibleUnit)
            .column(DEADLINE, TaskLine::deadline)
            .dayColumn(OVERDUE, ListColumns::overdue)
            .column("状态", line -> word(STATE, line.state()))
            .orderedBy(Comparator.comparing(TaskLine::leadOfficial, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(TaskLine::responsibleUnit, Comparator.nullsLast(Comparator.naturalOrder())));

    /** A column's header and its cell, of a line on the day the list stands on. */
    private record Column<R>(String header, BiFunction<R, LocalDate, Object> value) {
    }

    private final RectificationList list;
    private final List<Column<R>> columns;
    private final Comparator<R> order;

    private ListColumns(RectificationList list) {
        this(list, List.of(), null);
    }

    private ListColumns(RectificationList list, List<Column<R>> columns, Comparator<R> order) {
        this.list = list;
        this.columns = columns;
        this.order = order;
    }

    private ListColumns<R> column(String header, Function<R, Object> value) {
        return dayColumn(header, (line, day) -> value.apply(line));
    }

    /** A column whose cell depends on the day the list stands on as well as on the line. */
    private ListColumns<R> dayColumn(String header, BiFunction<R, LocalDate, Object> value) {
        List<Column<R>> more = new ArrayList<>(columns);
        more.add(new Column<>(header, value));
        return new ListColumns<>(list, List.copyOf(more), order);
    }

    private ListColumns<R> orderedBy(Comparator<R> by) {
        return new ListColumns<>(list, columns, by);
    }

    public RectificationList list() {
        return list;
    }

    public List<String> header() {
        return columns.stream().map(Column::header).toList();
    }

    /**
     * The lines given in the plan's order, as the list's table as it stands on {@code day} (what is overdue
     * then: tasks-service's live list says today, reporting's the day it is asked for, both in the
     * organisation's zone); an unknown value is an empty cell.
     */
    public Table table(List<R> lines, LocalDate day) {
        List<R> ordered = new ArrayList<>(lines);
        if (order != null) {
            ordered.sort(order);
        }
        List<List<Object>> rows = new ArrayList<>(ordered.size());
        for (R line : ordered) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Column<R> column : columns) {
                Object value = column.value().apply(line, day);
                cells.add(value == null ? "" : value);
            }
            rows.add(cells);
        }
        return new Table(list.title(), header(), rows);
    }

    /** 二是, as the plan and every staff screen number a problem's tasks; the digit alone reads as 任务1. */
    private static String taskOrdinal(TaskLine line) {
        return line.taskNumber() == null ? null : PlanNumbering.ordinal(line.taskNumber());
    }

    /** 是 when the task is overdue on {@code day} (its deadline before it, neither claimed nor closed out), else 否. */
    private static String overdue(TaskLine line, LocalDate day) {
        return TaskStates.overdue(line.state(), line.deadline(), day) ? "是" : "否";
    }

    private static String word(Map<String, String> words, String code) {
        return code == null ? "" : words.getOrDefault(code, code);
    }
}
