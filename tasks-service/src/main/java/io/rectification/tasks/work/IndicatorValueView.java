package io.rectification.tasks.work;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One recorded value of an indicator, as its history shows it. */
@Schema(requiredProperties = {"id", "value", "source", "recordedAt"})
public record IndicatorValueView(UUID id, BigDecimal value, String source, OffsetDateTime recordedAt, String recordedBy) {

    static IndicatorValueView of(IndicatorValue value) {
        return new IndicatorValueView(value.id, value.value, value.source, value.recordedAt, value.recordedBy);
    }
}
