package io.rectification.tasks.work;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A piece of evidence as the API shows it; {@code file} is null until one is attached. */
@Schema(requiredProperties = {"id", "taskId", "type", "title", "date", "recordedAt"})
public record EvidenceView(UUID id, UUID taskId, EvidenceType type, String title, String reference, LocalDate date,
                           String recordedBy, OffsetDateTime recordedAt, EvidenceFileView file) {

    static EvidenceView of(Evidence evidence, EvidenceFile file) {
        return new EvidenceView(evidence.id, evidence.taskId, evidence.type, evidence.title, evidence.reference,
                evidence.date, evidence.recordedBy, evidence.recordedAt, file == null ? null : EvidenceFileView.of(file));
    }
}
