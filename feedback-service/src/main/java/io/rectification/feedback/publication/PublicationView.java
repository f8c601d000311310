package io.rectification.feedback.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A publication as the API shows it (to staff and to the public). The window is given with the
 * organisation's offset; {@code open} says whether feedback is accepted at the moment of reading.
 */
@Schema(requiredProperties = {"id", "version", "inspectionId", "title", "windowStart", "windowEnd", "timeZone",
        "open", "channels", "createdAt", "updatedAt"})
public record PublicationView(UUID id, long version, UUID inspectionId, String title, String body, String reportUrl,
                              OffsetDateTime windowStart, OffsetDateTime windowEnd, String timeZone, boolean open,
                              Channels channels, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static PublicationView of(Publication publication, java.time.Instant now) {
        DisclosureWindow window = publication.window();
        return new PublicationView(publication.id, publication.version, publication.inspectionId, publication.title,
                publication.body, publication.reportUrl, window.startInZone(), window.endInZone(),
                publication.timeZone, window.contains(now), publication.channels(), publication.createdAt,
                publication.updatedAt);
    }
}
