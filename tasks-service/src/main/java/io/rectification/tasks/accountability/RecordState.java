package io.rectification.tasks.accountability;

/** Whether a record counts: RECORDED (as recorded or corrected) or WITHDRAWN (撤销登记, in no total). */
public enum RecordState {
    RECORDED, WITHDRAWN
}
