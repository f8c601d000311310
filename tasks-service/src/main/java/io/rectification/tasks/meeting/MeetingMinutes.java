package io.rectification.tasks.meeting;

import io.rectification.tasks.work.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The minutes (会议纪要) of a meeting as a file; one per meeting, replaced by a new upload. */
@Entity
@Table(name = "meeting_minutes")
public class MeetingMinutes extends StoredFile {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;
}
