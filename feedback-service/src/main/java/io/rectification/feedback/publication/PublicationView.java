package io.rectification.feedback.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A publication as the API shows it (to staff and to the public). The window is given with the
 * organisation's offset; {@code open} says whether feedback is accepted at the moment of reading.
 * {@code inspectionTitle}: the inspection's own title from the ledger, which the form shows with the
 * publication's free-text title, so a reader knows which inspection they comment on.
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "title", "windowStart", "windowEnd", "timeZone",
        "open", "channels", "createdAt", "updatedAt"})
public record PublicationView(UUID id, long version, UUID inspectionId,
                              @Schema(description = INSPECTION_TITLE) String inspectionTitle, String title, String body,
                              String reportUrl,
                              OffsetDateTime windowStart, OffsetDateTime windowEnd, String timeZone, boolean open,
                              Channels channels, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** How the OpenAPI document describes {@code inspectionTitle}. */
    static final String INSPECTION_TITLE = "The title of the inspection the publication is about, as tasks-service"
            + " registered it (省委第七巡视组专项巡视沈阳高新区); the public form shows it with the publication's own title,"
            + " which need not name the inspection. Null while feedback-service has not heard of the inspection";

    static PublicationView of(Publication publication, String inspectionTitle, java.time.Instant now) {
        DisclosureWindow window = publication.window();
        return new PublicationView(publication.id, publication.version, publication.inspectionId, inspectionTitle,
                publication.title,
                publication.body, publication.reportUrl, window.startInZone(), window.endInZone(),
                publication.timeZone, window.contains(now), publication.channels(), publication.createdAt,
                publication.updatedAt);
    }
}
