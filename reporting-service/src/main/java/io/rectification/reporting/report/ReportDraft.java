package io.rectification.reporting.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What staff decide about a report that no event carries: section 一, section 三, the signature, the
 * publication it goes out with, whether other sources get their own part, and why its figures differ
 * from the plan's declared totals.
 */
@Entity
@Table(name = "report_draft")
public class ReportDraft extends PanacheEntityBase {

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    /** The ETag: a save names the version it was based on (If-Match). */
    @Version
    public long version;

    @Column(name = "leadership_responsibility")
    public String leadershipResponsibility;

    @Column(name = "next_steps")
    public String nextSteps;

    public String issuer;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "publication_id")
    public UUID publicationId;

    @Column(name = "include_other_sources")
    public boolean includeOtherSources;

    @Column(name = "totals_explanation")
    public String totalsExplanation;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
