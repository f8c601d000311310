package io.rectification.feedback.publication;

import io.quarkus.panache.common.Sort;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventPublisher;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.rest.PageOf;
import io.rectification.platform.rest.Versions;
import io.rectification.platform.security.CurrentActor;
import io.rectification.platform.text.BlankText;
import io.rectification.platform.text.OptionalText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

@ApplicationScoped
@Transactional
public class PublicationService {

    static final String AGGREGATE = "Publication";
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    private final EventPublisher publisher;
    private final Clock clock;
    private final CurrentActor actor;
    private final LedgerReadModel ledger;

    public PublicationService(EventPublisher publisher, Clock clock, CurrentActor actor, LedgerReadModel ledger) {
        this.publisher = publisher;
        this.clock = clock;
        this.actor = actor;
        this.ledger = ledger;
    }

    public PublicationView createPublication(PublicationInput input) {
        Publication publication = new Publication();
        publication.id = UUID.randomUUID();
        apply(publication, input);
        publication.createdAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        publication.updatedAt = publication.createdAt;
        publication.persistAndFlush();
        return announce(publication, FeedbackEvent.PublicationCreated::new);
    }

    public PublicationView replacePublication(UUID id, PublicationInput input, String ifMatch) {
        Publication publication = require(id);
        Versions.require(ifMatch, publication.version, "publication " + id);
        apply(publication, input);
        publication.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        publication.persistAndFlush();
        return announce(publication, FeedbackEvent.PublicationUpdated::new);
    }

    /** The publication, or none: the public reads answer its absence in the asker's language. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PublicationView> findPublication(UUID id) {
        return Publication.<Publication>findByIdOptional(id).map(this::view);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageOf<PublicationView> listPublications(UUID inspectionId, int page, int size) {
        var query = inspectionId == null
                ? Publication.<Publication>findAll(Sort.descending("windowStart").and("id"))
                : Publication.<Publication>find("inspectionId", Sort.descending("windowStart").and("id"), inspectionId);
        List<Publication> found = query.page(page, size).list();
        Map<UUID, String> inspections = ledger.inspectionTitles(found.stream().map(p -> p.inspectionId).toList());
        return new PageOf<>(found.stream()
                .map(p -> PublicationView.of(p, inspections.get(p.inspectionId), clock.instant())).toList(),
                page, size, query.count());
    }

    /** The publication entity, or a 404 problem. For services that act within its window. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Publication require(UUID id) {
        return Publication.<Publication>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("publication", id));
    }

    private PublicationView announce(Publication publication,
                                     Function<FeedbackEvent.PublicationSnapshot, FeedbackEvent.PublicationChange> event) {
        PublicationSnapshot snapshot = PublicationSnapshot.of(publication);
        publisher.publish(actor.require(), AGGREGATE, publication.id.toString(), publication.version,
                event.apply(snapshot.published()), snapshot);
        return view(publication);
    }

    private PublicationView view(Publication publication) {
        return PublicationView.of(publication, ledger.inspectionTitle(publication.inspectionId).orElse(null),
                clock.instant());
    }

    /**
     * A publication is only for an inspection tasks-service has announced (InspectionRegistered,
     * read from Kafka into {@link LedgerReadModel}). Unknown: 422 naming {@code inspectionId}. Not 400
     * (the request is well-formed) nor 404 (the publication is what is addressed): one registered a
     * moment ago may not have arrived yet, so the answer says to retry and gives {@code Retry-After}-like
     * {@code retryAfterSeconds}; a client that gets it twice a few seconds apart has a wrong id.
     */
    private void requireKnownInspection(Publication publication, PublicationInput input) {
        if (input.inspectionId().equals(publication.inspectionId) || ledger.knowsInspection(input.inspectionId())) {
            return;
        }
        String message = "inspection " + input.inspectionId() + " is not known to feedback-service; if it was registered "
                + "in tasks-service just now, retry in a few seconds";
        throw new ApiException(422, "Unknown inspection", "inspectionId: " + message,
                List.of(new ErrorBody.FieldError("inspectionId", message)))
                .with("retryAfterSeconds", 5);
    }

    private void apply(Publication publication, PublicationInput input) {
        String body = OptionalText.of(input.body());
        String reportUrl = OptionalText.of(input.reportUrl());
        if (body == null && reportUrl == null) {
            throw ApiException.badRequest("body", "give the notice's text (body) or a link to the report (reportUrl)");
        }
        ZoneId zone = zone(input.timeZone());
        LocalDateTime start = input.windowStart().in(zone);
        LocalDateTime end = input.windowEnd().in(zone);
        if (end.isBefore(start)) {
            throw ApiException.badRequest("windowEnd", "must not be before windowStart (" + start + " in " + zone.getId() + ")");
        }
        DisclosureWindow window = DisclosureWindow.of(start, end, zone);
        Channels channels = input.channels() == null ? Channels.NONE : input.channels();
        // after the checks of the input itself: a bad field is a 400 whatever the inspection
        requireKnownInspection(publication, input);
        publication.inspectionId = input.inspectionId();
        publication.title = BlankText.strip(input.title());
        publication.body = body;
        publication.reportUrl = reportUrl;
        publication.timeZone = zone.getId();
        publication.windowStart = window.start().atOffset(ZoneOffset.UTC);
        publication.windowEnd = window.end().atOffset(ZoneOffset.UTC);
        publication.phone = OptionalText.of(channels.phone());
        publication.phoneHours = OptionalText.of(channels.phoneHours());
        publication.postalAddress = OptionalText.of(channels.postalAddress());
        publication.postalCode = OptionalText.of(channels.postalCode());
        publication.email = OptionalText.of(channels.email());
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone", "'" + timeZone + "' is not a time zone id such as Asia/Shanghai");
        }
    }
}
