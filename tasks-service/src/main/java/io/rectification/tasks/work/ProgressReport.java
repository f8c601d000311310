package io.rectification.tasks.work;

import io.rectification.tasks.task.ReportingCadence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 日报告 / 周调度 / 月推进: one report on a task's progress for a period. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    public ReportingCadence cadence;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public String text;

    @Column(name = "percent_complete")
    public int percentComplete;

    public String reporter;

    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;
}
