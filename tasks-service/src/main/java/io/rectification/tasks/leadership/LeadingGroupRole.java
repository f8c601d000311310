package io.rectification.tasks.leadership;

/** A place in the 整改工作领导小组: 组长, 副组长, 成员. */
public enum LeadingGroupRole {
    LEADER, DEPUTY_LEADER, MEMBER
}
