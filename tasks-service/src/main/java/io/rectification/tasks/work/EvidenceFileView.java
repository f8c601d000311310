package io.rectification.tasks.work;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** An evidence entry's file, described (its content is downloaded on its own). */
@Schema(requiredProperties = {"filename", "contentType", "size", "sha256", "uploadedAt"})
public record EvidenceFileView(String filename, String contentType, long size, String sha256, OffsetDateTime uploadedAt) {

    static EvidenceFileView of(EvidenceFile file) {
        return new EvidenceFileView(file.filename, file.contentType, file.size, file.sha256, file.uploadedAt);
    }
}
