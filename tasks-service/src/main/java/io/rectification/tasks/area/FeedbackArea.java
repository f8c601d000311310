package io.rectification.tasks.area;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import io.rectification.tasks.support.Cancellation;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 反馈意见方面: one area of the inspection team's feedback, numbered (一), (二)… within the inspection. */
@Entity
@Table(name = "feedback_area")
public class FeedbackArea extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public int number;

    public String title;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** Null while it stands; set once when the office cancels it (撤销, entered by mistake), never cleared. */
    @Embedded
    public Cancellation cancellation;
}
