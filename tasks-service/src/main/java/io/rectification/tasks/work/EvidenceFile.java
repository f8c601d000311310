package io.rectification.tasks.work;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The file attached to an evidence entry; one per entry, replaced by a new upload. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends StoredFile {

    @Id
    @Column(name = "evidence_id")
    public UUID evidenceId;
}
