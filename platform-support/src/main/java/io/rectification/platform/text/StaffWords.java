package io.rectification.platform.text;

import java.util.Map;

/**
 * The staff's words for the contract's codes, said once for every service's staff output (the three
 * lists and their exports, the dashboards). The dashboard page (reporting-service ui/dashboard.js) and
 * the console (console/src/format.ts) hold copies that tests keep equal to these
 * (DashboardWordsTest, console tests/staffWords.test.ts).
 *
 * <p>Where the public has a word for the same thing the staff's says the same (the public's are
 * reporting-service's PublicStates): a claim waits to be checked, 待核验 (公众: 已完成，待核验); a
 * long-term task verified into consolidation is closed out, 已销号（巩固中）(公众: 已销号，巩固提升中),
 * so a count of 已销号 that includes it never contradicts a table of states.
 */
public final class StaffWords {

    private StaffWords() {
    }

    /** A task's state (tasks-service TaskState). */
    public static final Map<String, String> STATE = Map.of("PLANNED", "未开始", "IN_PROGRESS", "整改中",
            "COMPLETION_CLAIMED", "待核验", "VERIFIED", "已销号", "CONSOLIDATING", "已销号（巩固中）", "REOPENED", "再整改");

    /** A task's kind. */
    public static final Map<String, String> KIND = Map.of("IMMEDIATE", "立行立改", "TIME_BOUND", "限期整改",
            "LONG_TERM", "长期坚持");

    /** A problem's source: PLAN the inspection's own finding (巡视反馈). */
    public static final Map<String, String> SOURCE = Map.of("PLAN", "巡视反馈", "SELF_FOUND", "自查发现",
            "LOOK_BACK", "回头看", "FEEDBACK", "群众反映", "ANALOGY", "举一反三");
}
