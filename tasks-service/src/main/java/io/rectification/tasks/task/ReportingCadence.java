package io.rectification.tasks.task;

/** 日报告 / 周调度 / 月推进. */
public enum ReportingCadence {
    DAILY, WEEKLY, MONTHLY
}
