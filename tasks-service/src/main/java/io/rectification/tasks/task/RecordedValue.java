package io.rectification.tasks.task;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A value of an indicator (指标) as recorded, with its source: what an IndicatorRecorded event says
 * besides the task. A plan's initial figures are recorded values too, so they reach the read models.
 */
public record RecordedValue(UUID indicatorId, BigDecimal value, String source, OffsetDateTime recordedAt) {

    public static final String EVENT = "IndicatorRecorded";

    /** The event's own members (the catalogue's IndicatorRecorded). */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("indicatorId", indicatorId);
        members.put("value", value);
        members.put("source", source);
        members.put("recordedAt", recordedAt);
        return members;
    }
}
