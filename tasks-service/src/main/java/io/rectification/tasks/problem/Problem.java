package io.rectification.tasks.problem;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import io.rectification.tasks.support.Cancellation;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 具体问题: a specific problem within a feedback area, numbered 1., 2.… within the area. */
@Entity
public class Problem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Column(name = "area_id")
    public UUID areaId;

    public int number;

    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    public ProblemSource source;

    /** The escalated public feedback this problem came from (source FEEDBACK), also the idempotency key. */
    @Column(name = "source_feedback_id")
    public UUID sourceFeedbackId;

    /** The inspection finding (source PLAN) a 举一反三 problem (source ANALOGY) extends. */
    @Column(name = "extends_problem_id")
    public UUID extendsProblemId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Null while it stands; set once when the office cancels it (撤销, entered by mistake), never cleared. */
    @Embedded
    public Cancellation cancellation;
}
