package io.rectification.feedback.publication;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The publication in PublicationCreated / PublicationUpdated: {@code data = {publication: this}}. */
public record PublicationSnapshot(UUID id, UUID inspectionId, String title, OffsetDateTime windowStart,
                                  OffsetDateTime windowEnd, String timeZone, String reportUrl, Channels channels) {

    static PublicationSnapshot of(Publication publication) {
        DisclosureWindow window = publication.window();
        return new PublicationSnapshot(publication.id, publication.inspectionId, publication.title,
                window.startInZone(), window.endInZone(), publication.timeZone, publication.reportUrl,
                publication.channels());
    }

    public record Event(PublicationSnapshot publication) {
    }
}
