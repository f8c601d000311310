package io.rectification.tasks.work;

import io.rectification.tasks.task.Direction;
import io.rectification.tasks.task.TargetKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 指标: a measured figure of a task, its baseline at inspection time and its target. */
@Entity
public class Indicator extends PanacheEntityBase {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    public int position;

    public String name;

    public String unit;

    public BigDecimal baseline;

    @Enumerated(EnumType.STRING)
    @Column(name = "target_kind")
    public TargetKind targetKind;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Column(name = "latest_actual")
    public BigDecimal latestActual;

    @Column(name = "latest_source")
    public String latestSource;

    @Column(name = "latest_recorded_at")
    public OffsetDateTime latestRecordedAt;

    /**
     * The value the actual must reach: the target itself, or the baseline moved by the target percent.
     * A relative target without a baseline (a notice publishes only "下降45%") has its actuals recorded as
     * the change itself, in percent and signed (−45 is 下降45%), so the threshold is the signed target.
     */
    public BigDecimal threshold() {
        if (targetKind == TargetKind.ABSOLUTE) {
            return targetValue;
        }
        if (baseline == null) {
            return direction == Direction.INCREASE ? targetValue : targetValue.negate();
        }
        BigDecimal change = baseline.multiply(targetValue).divide(HUNDRED, 4, RoundingMode.HALF_UP);
        return direction == Direction.INCREASE ? baseline.add(change) : baseline.subtract(change);
    }

    public boolean met() {
        if (latestActual == null) {
            return false;
        }
        int comparison = latestActual.compareTo(threshold());
        return direction == Direction.INCREASE ? comparison >= 0 : comparison <= 0;
    }
}
