package io.rectification.tasks.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 回头看: a review of a closed-out task, linked to the close-out (its verifiedAt) it reviewed. */
@Entity
@Table(name = "look_back_review")
public class LookBackReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Enumerated(EnumType.STRING)
    public ReviewOutcome outcome;

    public String reason;

    public String reviewer;

    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;

    @Column(name = "reviewed_verified_at")
    public OffsetDateTime reviewedVerifiedAt;

    /** 再深挖: the problem this review registered, if it found one. */
    @Column(name = "new_problem_id")
    public UUID newProblemId;
}
