package io.rectification.tasks.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A dispatch or special meeting on an inspection's rectification; its decisions are {@link MeetingDecision}s. */
@Entity
public class Meeting extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    @Enumerated(EnumType.STRING)
    public MeetingKind kind;

    @Column(name = "held_on")
    public LocalDate heldOn;

    /** Who chaired it (position, or staff name). */
    public String chair;

    public String topic;

    /** Who attended: staff names or positions, as the minutes list them, in their order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public String[] attendees = new String[0];

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
