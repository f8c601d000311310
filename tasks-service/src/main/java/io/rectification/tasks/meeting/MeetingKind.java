package io.rectification.tasks.meeting;

/** 周调度会, 月推进会 (the notice's "周调度、月推进"), or a 专题会议 on one matter. */
public enum MeetingKind {
    WEEKLY_DISPATCH, MONTHLY_PUSH, SPECIAL
}
