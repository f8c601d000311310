package io.rectification.reporting.report;

import java.math.BigDecimal;

/**
 * A figure as the public reads it, {@code name} then {@code value} then {@code unit}
 * ("整改率92%"): one record for the report and the progress page, both filled by {@link PublishedFigures}.
 * {@code indicator} is the indicator's own name, which a measure's text may state the figure by
 * ("空编率降低10%" for the figure "空编率下降10%"); the same as {@code name} for a level.
 */
public record Figure(String name, BigDecimal value, String unit, String indicator) {

    /** A level: the figure is named as its indicator is. */
    public Figure(String name, BigDecimal value, String unit) {
        this(name, value, unit, name);
    }

    /** "整改率92%": as the report prints it under 主要指标, and as its checks quote it. */
    String printed() {
        return (name == null ? "" : name) + value.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
    }
}
