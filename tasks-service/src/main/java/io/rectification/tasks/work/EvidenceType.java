package io.rectification.tasks.work;

/** 佐证材料: 台账 / 文件 / 会议纪要 / 其他. */
public enum EvidenceType {
    LEDGER, DOCUMENT, MINUTES, OTHER
}
