package io.rectification.tasks.leadership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 整改工作领导小组 of one inspection and its 第一责任人, replaced as a whole. The members (role,
 * position, staff name) are kept as JSON: they are only ever read and written together. One per
 * inspection (its key), yet an aggregate of its own: {@code id} is the subject of its events, which
 * count their own versions and so cannot share the inspection's subject.
 */
@Entity
@Table(name = "leading_group")
public class LeadingGroup extends PanacheEntityBase {

    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;

    public UUID id;

    @Version
    public long version;

    @Column(name = "first_responsible_position")
    public String firstResponsiblePosition;

    @Column(name = "first_responsible_name")
    public String firstResponsibleName;

    public String members;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
