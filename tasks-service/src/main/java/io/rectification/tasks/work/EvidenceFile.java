package io.rectification.tasks.work;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The file attached to an evidence entry; one per entry, replaced by a new upload. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends PanacheEntityBase {

    @Id
    @Column(name = "evidence_id")
    public UUID evidenceId;

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
