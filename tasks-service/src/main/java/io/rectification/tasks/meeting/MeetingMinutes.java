package io.rectification.tasks.meeting;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The minutes (会议纪要) of a meeting as a file; one per meeting, replaced by a new upload. */
@Entity
@Table(name = "meeting_minutes")
public class MeetingMinutes extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Column(name = "content_type")
    public String contentType;

    public String filename;

    public long size;

    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
