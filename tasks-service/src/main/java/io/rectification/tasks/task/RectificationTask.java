package io.rectification.tasks.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 整改任务: one rectification task of a problem, numbered 一是=1, 二是=2… within the problem.
 * Every change, including to its milestones, indicators and evidence, touches {@code updatedAt}
 * so the version (the ETag) moves with it.
 */
@Entity
@Table(name = "rectification_task")
public class RectificationTask extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "area_id")
    public UUID areaId;

    @Column(name = "problem_id")
    public UUID problemId;

    public int number;

    public String title;

    public String measures;

    @Column(name = "progress_narrative")
    public String progressNarrative;

    @Column(name = "lead_official")
    public String leadOfficial;

    @Column(name = "responsible_person")
    public String responsiblePerson;

    @Column(name = "responsible_unit")
    public String responsibleUnit;

    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public TaskKind kind;

    @Enumerated(EnumType.STRING)
    public TaskState state;

    @Column(name = "percent_complete")
    public int percentComplete;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporting_cadence")
    public ReportingCadence reportingCadence;

    /** When set, verification waits until every indicator meets its target. */
    @Column(name = "require_indicators_met")
    public boolean requireIndicatorsMet;

    @Column(name = "last_progress_report_at")
    public OffsetDateTime lastProgressReportAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "reopen_count")
    public int reopenCount;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    void touch() {
        updatedAt = OffsetDateTime.now();
    }
}
