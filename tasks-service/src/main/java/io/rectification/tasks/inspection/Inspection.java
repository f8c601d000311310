package io.rectification.tasks.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 巡视: an inspection team's inspection of an organisation, the root of everything rectified. */
@Entity
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String title;

    public String team;

    @Column(name = "inspected_organisation")
    public String inspectedOrganisation;

    @Enumerated(EnumType.STRING)
    public InspectionKind kind;

    @Column(name = "on_site_from")
    public LocalDate onSiteFrom;

    @Column(name = "on_site_to")
    public LocalDate onSiteTo;

    @Column(name = "feedback_date")
    public LocalDate feedbackDate;

    /** The plan's own totals (方案所列: N个方面M项具体问题,细化为T项整改任务); null when the plan states none. */
    @Column(name = "declared_areas")
    public Integer declaredAreas;

    @Column(name = "declared_problems")
    public Integer declaredProblems;

    @Column(name = "declared_tasks")
    public Integer declaredTasks;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
