package io.rectification.reporting.report;

import java.math.BigDecimal;

/**
 * A figure as the public reads it, {@code name} then {@code value} then {@code unit}
 * ("整改率92%"): one record for the report and the progress page, both filled by {@link PublishedFigures}.
 */
public record Figure(String name, BigDecimal value, String unit) {
}
