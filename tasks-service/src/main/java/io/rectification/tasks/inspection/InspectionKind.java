package io.rectification.tasks.inspection;

/** 常规巡视 / 专项巡视 / 机动巡视. */
public enum InspectionKind {
    REGULAR, SPECIAL, FLEXIBLE
}
