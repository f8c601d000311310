package io.rectification.tasks.work;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;

/**
 * An uploaded file kept in the database with its checked type, name, size and hash: an evidence
 * entry's file and a meeting's minutes are both one of these, keyed by what they belong to.
 */
@MappedSuperclass
public abstract class StoredFile extends PanacheEntityBase {

    @Column(name = "content_type")
    public String contentType;

    public String filename;

    public long size;

    public String sha256;

    /** Lazy: lists and views need the file's facts, only a download its bytes. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    /** Takes a file that passed {@link EvidenceContent#check}, replacing whatever was stored before. */
    public void store(EvidenceContent.Checked checked, byte[] bytes, OffsetDateTime at) {
        contentType = checked.contentType();
        filename = checked.filename();
        size = bytes.length;
        sha256 = checked.sha256();
        content = bytes;
        uploadedAt = at;
    }
}
