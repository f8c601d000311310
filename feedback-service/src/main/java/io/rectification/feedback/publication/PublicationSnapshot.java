package io.rectification.feedback.publication;

import io.rectification.platform.contract.FeedbackEvent;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The publication as audited; {@link #published()} is its shape in PublicationCreated / PublicationUpdated. */
public record PublicationSnapshot(UUID id, UUID inspectionId, String title, OffsetDateTime windowStart,
                                  OffsetDateTime windowEnd, String timeZone, String reportUrl, Channels channels) {

    static PublicationSnapshot of(Publication publication) {
        DisclosureWindow window = publication.window();
        return new PublicationSnapshot(publication.id, publication.inspectionId, publication.title,
                window.startInZone(), window.endInZone(), publication.timeZone, publication.reportUrl,
                publication.channels());
    }

    /** As the Publication events carry it. */
    public FeedbackEvent.PublicationSnapshot published() {
        return new FeedbackEvent.PublicationSnapshot(id, inspectionId, title, windowStart, windowEnd, timeZone,
                reportUrl, channels == null ? null : new FeedbackEvent.Channels(channels.phone(), channels.phoneHours(),
                        channels.postalAddress(), channels.postalCode(), channels.email()));
    }
}
