package io.rectification.tasks.accountability;

/** 追回资金 (money paid out wrongly and got back) or 挽回损失 (a loss averted or made good). */
public enum FundsKind {
    RECOVERED_FUNDS, RETRIEVED_LOSSES
}
