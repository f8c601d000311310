package io.rectification.feedback.feedback;

import io.rectification.feedback.intake.GroupCommit;
import io.rectification.feedback.intake.Language;
import io.rectification.feedback.intake.Messages;
import io.rectification.feedback.intake.PublicProblems;
import io.rectification.feedback.intake.RateLimiter;
import io.rectification.feedback.publication.DisclosureWindow;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.Outbox;
import io.rectification.platform.events.OutboxBatch;
import io.rectification.platform.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One batch of public submissions, in the writer's transaction: every submission is counted
 * towards its client's limit (one statement for all clients), the publications named are read
 * (one query), earlier identical submissions looked up (one query), and the feedback, history and
 * outbox rows of those accepted written as three JDBC batches with one NOTIFY. A submission
 * refused here (429, 404, 409) is refused alone; the others are written.
 */
@ApplicationScoped
public class SubmissionBatch implements GroupCommit.Batch<PublicSubmission, Receipt> {

    private static final String PUBLICATIONS =
            "SELECT id, inspection_id, window_start, window_end, time_zone FROM publication WHERE id = ANY (?)";
    /** Per submission (by its index in the batch) the tracking code of an earlier identical one, if any. */
    private static final String EARLIER = """
            SELECT s.i, (SELECT f.tracking_code FROM feedback f
                         WHERE f.client_key = s.client_key AND f.text_fingerprint = s.fingerprint
                           AND f.publication_id = s.publication_id AND f.received_at >= s.since::timestamptz
                         ORDER BY f.received_at LIMIT 1)
            FROM unnest(?::int[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS s(i, publication_id, client_key, fingerprint, since)""";
    private static final String INSERT_FEEDBACK = """
            INSERT INTO feedback (id, version, publication_id, inspection_id, tracking_code, channel, category, status,
                                  area_id, task_id, text, anonymous, name_sealed, phone_sealed, email_sealed,
                                  address_sealed, client_key, api_client, text_fingerprint, received_at, reply_due_at,
                                  created_at)
            VALUES (?, 0, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_HISTORY =
            "INSERT INTO feedback_history (feedback_id, at, actor, action, detail) VALUES (?, ?, ?, 'RECEIVED', ?)";

    private record PublicationWindow(UUID inspectionId, DisclosureWindow window) {
    }

    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final Duration duplicateWindow;

    public SubmissionBatch(RateLimiter rateLimiter, Outbox outbox,
                           @ConfigProperty(name = "feedback.public.duplicate-window", defaultValue = "PT30M")
                           Duration duplicateWindow) {
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.duplicateWindow = duplicateWindow;
    }

    @Override
    public List<GroupCommit.Outcome<Receipt>> write(Connection connection, List<PublicSubmission> submissions)
            throws SQLException {
        List<GroupCommit.Outcome<Receipt>> outcomes = new ArrayList<>(submissions.size());
        List<Integer> candidates = new ArrayList<>();
        List<RateLimiter.TooManyRequests> overLimit = countClients(connection, submissions);
        for (int i = 0; i < submissions.size(); i++) {
            PublicSubmission submission = submissions.get(i);
            ApiException refusal = overLimit.get(i) != null ? overLimit.get(i) : submission.refusal();
            outcomes.add(refusal == null ? null : GroupCommit.Outcome.refused(refusal));
            if (refusal == null) {
                candidates.add(i);
            }
        }
        Map<UUID, PublicationWindow> publications = publications(connection, submissions, candidates);
        Map<Integer, String> earlier = earlierIdentical(connection, submissions, candidates);
        Map<List<Object>, String> inThisBatch = new HashMap<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i : candidates) {
            PublicSubmission.NewFeedback feedback = submissions.get(i).feedback();
            Language language = submissions.get(i).language();
            PublicationWindow publication = publications.get(feedback.publicationId());
            List<Object> sameText = List.of(feedback.publicationId(), submissions.get(i).clientKey(),
                    feedback.textFingerprint());
            String earlierCode = earlier.get(i) != null ? earlier.get(i) : inThisBatch.get(sameText);
            ApiException refusal = publication == null
                    ? PublicProblems.notFound(language, "publication.notFound", feedback.publicationId())
                    : !publication.window().contains(feedback.receivedAt().toInstant())
                    ? outsideWindow(publication.window(), feedback.receivedAt().toInstant(), language)
                    : earlierCode != null ? duplicate(earlierCode, language) : null;
            if (refusal != null) {
                outcomes.set(i, GroupCommit.Outcome.refused(refusal));
            } else {
                inThisBatch.put(sameText, feedback.trackingCode());
                accepted.add(i);
            }
        }
        insert(connection, submissions, accepted, publications);
        for (int i : accepted) {
            PublicSubmission.NewFeedback feedback = submissions.get(i).feedback();
            ZoneId zone = publications.get(feedback.publicationId()).window().zone();
            outcomes.set(i, GroupCommit.Outcome.of(new Receipt(TrackingCodes.display(feedback.trackingCode()),
                    feedback.receivedAt(), feedback.replyDueAt(), feedback.replyDueAt().atZoneSameInstant(zone).toLocalDate())));
        }
        return outcomes;
    }

    /** Every submission counts, refused or not; per submission its 429, or null within the limit. */
    private List<RateLimiter.TooManyRequests> countClients(Connection connection, List<PublicSubmission> submissions)
            throws SQLException {
        Map<String, Integer> hits = new HashMap<>();
        submissions.forEach(s -> hits.merge(s.clientKey(), 1, Integer::sum));
        Map<String, RateLimiter.Count> counts = rateLimiter.count(connection, RateLimiter.Kind.SUBMISSION, hits);
        int limit = rateLimiter.limit(RateLimiter.Kind.SUBMISSION);
        Map<String, Integer> seen = new HashMap<>();
        List<RateLimiter.TooManyRequests> refusals = new ArrayList<>(submissions.size());
        for (PublicSubmission submission : submissions) {
            RateLimiter.Count count = counts.get(submission.clientKey());
            // This client's hits before the batch, plus its submissions in the batch up to this one.
            int hit = count.hits() - hits.get(submission.clientKey()) + seen.merge(submission.clientKey(), 1, Integer::sum);
            refusals.add(count.refusalOf(hit, limit, submission.language()));
        }
        return refusals;
    }

    private static Map<UUID, PublicationWindow> publications(Connection connection, List<PublicSubmission> submissions,
                                                             List<Integer> candidates) throws SQLException {
        Map<UUID, PublicationWindow> found = new HashMap<>();
        if (candidates.isEmpty()) {
            return found;
        }
        Object[] ids = candidates.stream().map(i -> submissions.get(i).feedback().publicationId()).distinct().toArray();
        try (PreparedStatement query = connection.prepareStatement(PUBLICATIONS)) {
            query.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getObject(1, UUID.class), new PublicationWindow(rows.getObject(2, UUID.class),
                            new DisclosureWindow(rows.getObject(3, OffsetDateTime.class).toInstant(),
                                    rows.getObject(4, OffsetDateTime.class).toInstant(), ZoneId.of(rows.getString(5)))));
                }
            }
        }
        return found;
    }

    private Map<Integer, String> earlierIdentical(Connection connection, List<PublicSubmission> submissions,
                                                  List<Integer> candidates) throws SQLException {
        Map<Integer, String> earlier = new HashMap<>();
        if (candidates.isEmpty()) {
            return earlier;
        }
        int n = candidates.size();
        Object[] index = new Object[n];
        Object[] publication = new Object[n];
        Object[] client = new Object[n];
        Object[] fingerprint = new Object[n];
        Object[] since = new Object[n];
        for (int k = 0; k < n; k++) {
            PublicSubmission submission = submissions.get(candidates.get(k));
            index[k] = candidates.get(k);
            publication[k] = submission.feedback().publicationId();
            client[k] = submission.clientKey();
            fingerprint[k] = submission.feedback().textFingerprint();
            since[k] = submission.feedback().receivedAt().minus(duplicateWindow).toString();
        }
        try (PreparedStatement query = connection.prepareStatement(EARLIER)) {
            query.setArray(1, connection.createArrayOf("int4", index));
            query.setArray(2, connection.createArrayOf("uuid", publication));
            query.setArray(3, connection.createArrayOf("text", client));
            query.setArray(4, connection.createArrayOf("text", fingerprint));
            query.setArray(5, connection.createArrayOf("text", since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(2) != null) {
                        earlier.put(rows.getInt(1), rows.getString(2));
                    }
                }
            }
        }
        return earlier;
    }

    private void insert(Connection connection, List<PublicSubmission> submissions, List<Integer> accepted,
                        Map<UUID, PublicationWindow> publications) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        try (PreparedStatement feedbackRows = connection.prepareStatement(INSERT_FEEDBACK);
             PreparedStatement historyRows = connection.prepareStatement(INSERT_HISTORY);
             OutboxBatch events = outbox.batch(connection)) {
            for (int i : accepted) {
                PublicSubmission.NewFeedback f = submissions.get(i).feedback();
                UUID inspectionId = publications.get(f.publicationId()).inspectionId();
                int p = 1;
                feedbackRows.setObject(p++, f.id());
                feedbackRows.setObject(p++, f.publicationId());
                feedbackRows.setObject(p++, inspectionId);
                feedbackRows.setString(p++, f.trackingCode());
                feedbackRows.setString(p++, f.channel().name());
                feedbackRows.setString(p++, f.category() == null ? null : f.category().name());
                feedbackRows.setObject(p++, f.areaId());
                feedbackRows.setObject(p++, f.taskId());
                feedbackRows.setString(p++, f.text());
                feedbackRows.setBoolean(p++, f.anonymous());
                feedbackRows.setBytes(p++, f.nameSealed());
                feedbackRows.setBytes(p++, f.phoneSealed());
                feedbackRows.setBytes(p++, f.emailSealed());
                feedbackRows.setBytes(p++, f.addressSealed());
                feedbackRows.setString(p++, submissions.get(i).clientKey());
                feedbackRows.setString(p++, f.apiClient());
                feedbackRows.setString(p++, f.textFingerprint());
                feedbackRows.setObject(p++, f.receivedAt());
                feedbackRows.setObject(p++, f.replyDueAt());
                feedbackRows.setObject(p, f.createdAt());
                feedbackRows.addBatch();

                historyRows.setObject(1, f.id());
                historyRows.setObject(2, f.createdAt());
                historyRows.setString(3, PublicIntake.PUBLIC_ACTOR);
                historyRows.setString(4, f.historyDetail());
                historyRows.addBatch();

                events.add(FeedbackIntakeService.AGGREGATE, f.id().toString(), 0,
                        new FeedbackEvent.FeedbackReceived(FeedbackSnapshot.received(f, inspectionId).published()));
            }
            feedbackRows.executeBatch();
            historyRows.executeBatch();
            events.execute();
        }
    }

    static ApiException outsideWindow(DisclosureWindow window, Instant now, Language language) {
        return new ApiException(409, Messages.get(language, "window.title"),
                Messages.get(language, window.notYetOpen(now) ? "window.notYet" : "window.over", window.describe()))
                .with("windowStart", window.startInZone().toString())
                .with("windowEnd", window.endInZone().toString())
                .with("timeZone", window.zone().getId());
    }

    static ApiException duplicate(String storedCode, Language language) {
        String code = TrackingCodes.display(storedCode);
        return new ApiException(409, Messages.get(language, "duplicate.title"),
                Messages.get(language, "duplicate.detail", code)).with("earlierTrackingCode", code);
    }
}
