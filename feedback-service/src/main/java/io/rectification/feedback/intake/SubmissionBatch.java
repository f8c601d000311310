package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.language.PublicProblems;
import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.feedback.ledger.LedgerReadModel.Placement;
import io.rectification.feedback.ledger.PartOf;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Pseudonym;
import io.rectification.feedback.publication.DisclosureWindow;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.events.Outbox;
import io.rectification.platform.events.OutboxRows;
import io.rectification.platform.events.OutboxWakeUp;
import io.rectification.platform.jdbc.ArrayParameters;
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
 * One batch of public submissions in two statements and one commit on the writer's connection.
 * The first judges them: every submission is counted towards its client's limit, the
 * publications named are read and earlier identical submissions looked up (from the same
 * client address, or from the same form whatever its address, or for an integration client from
 * the same caller it relays), and the inspections of the area and task named, all in one query;
 * a submission refused here (429, 404, 409, 400, 422) is refused alone. The second stores those accepted:
 * their feedback, history and outbox rows in one statement. Then the batch commits (one WAL
 * flush for the whole batch, where a commit per statement took two), and only then is the relay
 * woken ({@link OutboxWakeUp}), outside that commit.
 *
 * <p>A batch that fails (answered 503) leaves nothing behind, its clients' counts included: the
 * writer closes its connection, which rolls the transaction back.
 */
@ApplicationScoped
public class SubmissionBatch implements GroupCommit.Batch<PublicSubmission, Receipt> {

    /**
     * Per submission (by its place in the batch): its client's count after this batch and the
     * seconds left of the client's period, its publication, and the tracking code and submission
     * key's pseudonym of an earlier identical submission if there is one. Identical is the same
     * text on the same publication within the window, from the same client address
     * ({@code dup_client}) or with the same submission key (the same form, from whatever address: a
     * phone that moved from Wi-Fi to mobile data between two tries; for an integration client, the
     * same caller it relays, {@link RelayedSubmitter}). Both are found in one look by the text's
     * fingerprint (index {@code feedback_same_text}, V18). The publication is matched with IS NOT DISTINCT
     * FROM, not =: the same match here (a stored feedback always has a publication), but one no index
     * serves, so the planner cannot take the publication's index for the look. The statement runs as a
     * generic plan (planned once, for any parameters), where a table's size or statistics can tie the two
     * indexes' costs, and the publication's rows are every submission to it: each one judged read them all
     * (docs/benchmarks.md, 2026-12-06). An integration client is not
     * judged by client ({@code dup_client} null): one hotline relays many callers, and a second
     * caller's complaint in the same words is a complaint of its own. Where both find one, the
     * same form's is taken, so the form is told its own code. A submission already refused has
     * no publication. Both looks match the pseudonyms under the previous keys too (each a comma-separated
     * list, null without previous keys): the rows stored before the last rotation carry those until the
     * rekey run clears them, and it leaves them while they are within the window. Last, the inspection
     * tasks-service announced the area named under, and the task's place (inspection, area, problem; nulls when
     * none is named or it is not known here), judged against the publication's by the rules of every link
     * ({@link PartOf}: of the inspection, a task under the area named beside it): two lookups by primary key in
     * the query the batch makes anyway, not a round trip per submission, and nothing on the request's (I/O)
     * thread, which must not wait for the database.
     */
    private static final String JUDGE = """
            WITH s AS (
                SELECT s.*, CASE WHEN s.dup_client IS NULL THEN NULL
                            ELSE ARRAY[s.dup_client] || string_to_array(s.previous_client_keys, ',') END AS client_keys,
                       ARRAY[s.key_hash] || string_to_array(s.previous_key_hashes, ',') AS key_hashes
                FROM unnest(?::text[], ?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::uuid[], ?::uuid[])
                    WITH ORDINALITY AS s(client_key, publication_id, fingerprint, since, key_hash, dup_client,
                                         previous_client_keys, previous_key_hashes, area_id, task_id, i)
            ),
            batch_hits AS (SELECT client_key, count(*)::int AS hits FROM s GROUP BY client_key),
            counted AS (%s)
            SELECT s.i, c.hits, c.seconds_left, p.id, p.inspection_id, p.window_start, p.window_end, p.time_zone,
                   e.tracking_code, e.submission_key_hash, coalesce(e.submission_key_hash = ANY(s.key_hashes), false),
                   a.inspection_id, t.inspection_id, t.area_id, t.problem_id, t.id,
                   t.cancelled_at IS NOT NULL
            FROM s JOIN counted c ON c.client_key = s.client_key
            LEFT JOIN publication p ON p.id = s.publication_id
            LEFT JOIN known_area a ON a.id = s.area_id
            LEFT JOIN known_task t ON t.id = s.task_id
            LEFT JOIN LATERAL (
                SELECT f.tracking_code, f.submission_key_hash FROM feedback f
                WHERE f.text_fingerprint = s.fingerprint AND f.publication_id IS NOT DISTINCT FROM s.publication_id
                  AND f.received_at >= s.since
                  AND (f.client_key = ANY(s.client_keys) OR f.submission_key_hash = ANY(s.key_hashes))
                ORDER BY coalesce(f.submission_key_hash = ANY(s.key_hashes), false) DESC, f.received_at LIMIT 1) e ON true
            ORDER BY s.i""";
    /**
     * The accepted submissions' feedback and history rows, and (the statement's last part) their
     * events. Every public submission has a client's pseudonym, so each row is under the current key
     * (written into the statement: the key does not change while the service runs).
     */
    private static final String STORE = """
            WITH n AS (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[],
                                     ?::uuid[], ?::uuid[], ?::text[], ?::boolean[], ?::bytea[], ?::bytea[], ?::bytea[],
                                     ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[],
                                     ?::timestamptz[], ?::text[])
                    AS n(id, publication_id, inspection_id, tracking_code, channel, category, area_id, problem_id,
                         task_id, text, anonymous, name_sealed, phone_sealed, email_sealed, address_sealed, client_key,
                         api_client, text_fingerprint, submission_key_hash, received_at, reply_due_at, created_at, history_detail)
            ),
            feedback_rows AS (
                INSERT INTO feedback (id, version, publication_id, inspection_id, tracking_code, channel, category,
                                      status, area_id, problem_id, task_id, text, anonymous, name_sealed,
                                      phone_sealed, email_sealed, address_sealed, client_key, api_client,
                                      text_fingerprint, submission_key_hash, received_at, reply_due_at, created_at, personal_key_id)
                SELECT id, 0, publication_id, inspection_id, tracking_code, channel, category, 'RECEIVED', area_id,
                       problem_id, task_id, text, anonymous, name_sealed, phone_sealed, email_sealed, address_sealed,
                       client_key, api_client, text_fingerprint, submission_key_hash, received_at, reply_due_at, created_at, '%1$s'
                FROM n
            ),
            history_rows AS (
                INSERT INTO feedback_history (feedback_id, at, actor, action, detail)
                SELECT id, created_at, '%2$s', 'RECEIVED', history_detail FROM n
            )
            %3$s""";

    /** The first key of {@link #lockTexts}' advisory locks, for them alone ("SAME" in ASCII). */
    static final int SAME_TEXT_LOCKS = 0x53414d45;
    /** Each key once, in order: the sorted subquery is read (and each lock taken) in its order. */
    private static final String LOCK_TEXTS = """
            SELECT count(pg_advisory_xact_lock(?, k)) FROM (
                SELECT DISTINCT hashtext(t) AS k FROM unnest(?::text[]) AS t ORDER BY 1) AS keys""";

    /** STORE's arrays before its events: one per column of {@code n}. */
    private static final int STORE_COLUMNS = 23;
    /**
     * Where the personal data's sealed columns (name, phone, email, address) stand among STORE's
     * arrays: these go as bytea, the others as text.
     */
    private static final int FIRST_SEALED = 11;
    private static final int SEALED_COLUMNS = 4;

    private record PublicationWindow(UUID inspectionId, DisclosureWindow window) {
    }

    /** An identical submission stored before (or earlier in the batch): its code, and its form's key as stored. */
    private record Earlier(String trackingCode, String submissionKeyHash) {

        /** Whether it came from the form whose key's pseudonym is {@code keyHash} (never without a key). */
        boolean sameForm(String keyHash) {
            return keyHash != null && keyHash.equals(submissionKeyHash);
        }
    }

    /**
     * The submissions this batch accepts so far, found as the query finds those stored: by client
     * address and text (not for an integration client, {@link #byClient}), and by form (its key, or
     * the caller an integration client relays) and text.
     */
    private static final class AcceptedInBatch {
        private final Map<List<Object>, Earlier> byClient = new HashMap<>();
        private final Map<List<Object>, Earlier> byForm = new HashMap<>();

        /** The identical submission {@code submission} repeats: the same form's first (its own code), else the client's. */
        Earlier earlier(PublicSubmission submission, Earlier stored) {
            PublicSubmission.NewFeedback feedback = submission.feedback();
            if (stored != null && stored.sameForm(feedback.submissionKeyHash())) {
                return stored;
            }
            Earlier sameForm = feedback.submissionKeyHash() == null ? null : byForm.get(formKey(feedback));
            return sameForm != null ? sameForm : stored != null ? stored
                    : byClient(submission) ? byClient.get(clientKey(submission)) : null;
        }

        /** Whether the client's identical texts are duplicates of each other: an address's, not an integration client's. */
        static boolean byClient(PublicSubmission submission) {
            return submission.feedback().apiClient() == null;
        }

        void add(PublicSubmission submission) {
            PublicSubmission.NewFeedback feedback = submission.feedback();
            Earlier accepted = new Earlier(feedback.trackingCode(), feedback.submissionKeyHash());
            if (byClient(submission)) {
                byClient.put(clientKey(submission), accepted);
            }
            if (feedback.submissionKeyHash() != null) {
                byForm.put(formKey(feedback), accepted);
            }
        }

        private static List<Object> clientKey(PublicSubmission submission) {
            PublicSubmission.NewFeedback feedback = submission.feedback();
            return List.of(feedback.publicationId(), submission.clientKey(), feedback.textFingerprint());
        }

        private static List<Object> formKey(PublicSubmission.NewFeedback feedback) {
            return List.of(feedback.publicationId(), feedback.submissionKeyHash(), feedback.textFingerprint());
        }
    }

    /**
     * What the first statement found for one submission; {@code areaInspectionId}: the inspection of the area
     * named, {@code task}: the place of the task named, each null when not named or not known here.
     */
    private record Judged(int clientHits, double secondsLeft, PublicationWindow publication, Earlier earlier,
                          UUID areaInspectionId, Placement task) {

        /** The area an accepted submission is stored under: its task's (the area named agrees), else the one named. */
        UUID areaId(PublicSubmission.NewFeedback feedback) {
            return task != null ? task.areaId() : feedback.areaId();
        }

        /** The problem an accepted submission is stored under: its task's, as triage links a task (none without). */
        UUID problemId() {
            return task == null ? null : task.problemId();
        }
    }

    private final RateLimiter rateLimiter;
    private final Outbox outbox;
    private final OutboxWakeUp wakeUp;
    private final Duration duplicateWindow;
    private final String judge;
    private final String store;

    public SubmissionBatch(RateLimiter rateLimiter, Outbox outbox, OutboxWakeUp wakeUp, PersonalDataCipher cipher,
                           @ConfigProperty(name = "feedback.public.duplicate-window", defaultValue = "PT30M")
                           Duration duplicateWindow) {
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.wakeUp = wakeUp;
        this.duplicateWindow = duplicateWindow;
        this.judge = JUDGE.formatted(rateLimiter.counting(RateLimiter.Kind.SUBMISSION,
                "batch_hits AS c"));
        // A key id is letters, digits, '-' and '_' (Keyring): nothing to quote.
        this.store = STORE.formatted(cipher.currentKeyId(), PublicIntake.PUBLIC_ACTOR, OutboxRows.INSERT);
    }

    /** The judging statement as the writer prepares it (JudgePlanTest reads its plan). */
    String judgeStatement() {
        return judge;
    }

    @Override
    public List<GroupCommit.Outcome<Receipt>> write(Connection connection, List<PublicSubmission> submissions)
            throws SQLException {
        lockTexts(connection, submissions);
        List<Judged> judged = judge(connection, submissions);
        rateLimiter.sweepNowAndThen(connection);
        List<GroupCommit.Outcome<Receipt>> outcomes = new ArrayList<>(submissions.size());
        AcceptedInBatch inThisBatch = new AcceptedInBatch();
        Map<String, Integer> batchHits = new HashMap<>();
        submissions.forEach(s -> batchHits.merge(s.clientKey(), 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        int limit = rateLimiter.limit(RateLimiter.Kind.SUBMISSION);
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            PublicSubmission submission = submissions.get(i);
            Judged found = judged.get(i);
            // The client's hits before the batch, plus its submissions in the batch up to this one.
            int hit = found.clientHits() - batchHits.get(submission.clientKey())
                    + seen.merge(submission.clientKey(), 1, Integer::sum);
            ApiException refusal = new RateLimiter.Count(found.clientHits(), found.secondsLeft())
                    .refusalOf(hit, limit, submission.language());
            if (refusal == null) {
                refusal = submission.refusal() != null ? submission.refusal() : judge(submission, found, inThisBatch);
            }
            outcomes.add(refusal == null ? null : GroupCommit.Outcome.refused(refusal));
            if (refusal == null) {
                accepted.add(i);
            }
        }
        store(connection, submissions, judged, accepted);
        connection.commit();
        if (!accepted.isEmpty()) {
            wakeUp.request();
        }
        for (int i : accepted) {
            PublicSubmission.NewFeedback feedback = submissions.get(i).feedback();
            ZoneId zone = judged.get(i).publication().window().zone();
            outcomes.set(i, GroupCommit.Outcome.of(new Receipt(TrackingCodes.display(feedback.trackingCode()),
                    feedback.receivedAt(), feedback.replyDueAt(), feedback.replyDueAt().atZoneSameInstant(zone).toLocalDate())));
        }
        return outcomes;
    }

    /** The refusal of a submission within its client's limit, or null: it is accepted (and remembered for the batch). */
    private static ApiException judge(PublicSubmission submission, Judged found, AcceptedInBatch inThisBatch) {
        PublicSubmission.NewFeedback feedback = submission.feedback();
        Language language = submission.language();
        Earlier earlier = inThisBatch.earlier(submission, found.earlier());
        PublicationWindow publication = found.publication();
        ApiException refusal = publication == null
                ? PublicProblems.unknownPublication(language, feedback.publicationId())
                : !publication.window().contains(feedback.receivedAt().toInstant())
                ? outsideWindow(publication.window(), feedback.receivedAt().toInstant(), language)
                : linkRefusal(feedback, found, publication.inspectionId(), language);
        if (refusal == null && earlier != null) {
            refusal = duplicate(earlier, feedback, language);
        }
        if (refusal == null) {
            inThisBatch.add(submission);
        }
        return refusal;
    }

    /**
     * The refusal of an area or task named that is not of the publication's inspection ({@link PartOf}), or of a
     * task not under the area named beside it ({@link Placement#isUnder}, triage's rule), naming the field in the
     * submitter's language; null when the links are the inspection's and agree. One the office cancelled since the
     * form was loaded is the inspection's: kept, marked (FeedbackIntakeService.LINK_DESCRIPTION).
     */
    private static ApiException linkRefusal(PublicSubmission.NewFeedback feedback, Judged found, UUID inspectionId,
                                            Language language) {
        PartOf area = feedback.areaId() == null ? PartOf.THIS_INSPECTION
                : PartOf.judge(found.areaInspectionId(), inspectionId);
        PartOf task = feedback.taskId() == null ? PartOf.THIS_INSPECTION
                : PartOf.judge(found.task() == null ? null : found.task().inspectionId(), inspectionId);
        return area != PartOf.THIS_INSPECTION ? PublicProblems.notThisInspectionsPart(language, "areaId", area)
                : task != PartOf.THIS_INSPECTION ? PublicProblems.notThisInspectionsPart(language, "taskId", task)
                : found.task() != null && !found.task().isUnder(feedback.areaId())
                ? PublicProblems.taskNotUnderArea(language)
                : null;
    }

    /**
     * First in the batch's transaction: a lock per publication and text its submissions bring, so that
     * an identical submission judged by another writer (another instance: a double click or a retry the
     * load balancer sent elsewhere) waits for this batch's commit and is judged, in a statement begun
     * after it, a duplicate of it. Without it both were judged before either had committed, neither found
     * the other and both were stored, under two tracking codes (one instance never raced: one writer by
     * default, and a client's submissions always go to the same one). Taken in key order, in a statement
     * of their own: the judging statement reads with the snapshot it began with, which a lock taken inside
     * it would not renew. Transaction-scoped advisory locks in their own two-key space; a hash collision
     * only makes two texts wait for each other's batch.
     */
    private static void lockTexts(Connection connection, List<PublicSubmission> submissions) throws SQLException {
        List<String> texts = new ArrayList<>(submissions.size());
        for (PublicSubmission submission : submissions) {
            if (submission.refusal() == null) {
                texts.add(submission.feedback().publicationId() + ":" + submission.feedback().textFingerprint());
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(LOCK_TEXTS)) {
            lock.setInt(1, SAME_TEXT_LOCKS);
            ArrayParameters.text(lock, 2, texts);
            lock.executeQuery().close();
        }
    }

    private List<Judged> judge(Connection connection, List<PublicSubmission> submissions) throws SQLException {
        int n = submissions.size();
        Object[] client = new Object[n];
        Object[] publication = new Object[n];
        Object[] fingerprint = new Object[n];
        Object[] since = new Object[n];
        Object[] keyHash = new Object[n];
        Object[] dupClient = new Object[n];
        Object[] previousClientKeys = new Object[n];
        Object[] previousKeyHashes = new Object[n];
        Object[] area = new Object[n];
        Object[] task = new Object[n];
        for (int k = 0; k < n; k++) {
            PublicSubmission submission = submissions.get(k);
            client[k] = submission.clientKey();
            if (submission.refusal() == null) {
                PublicSubmission.NewFeedback feedback = submission.feedback();
                publication[k] = feedback.publicationId();
                fingerprint[k] = feedback.textFingerprint();
                since[k] = feedback.receivedAt().minus(duplicateWindow).toString();
                keyHash[k] = feedback.submissionKeyHash();
                dupClient[k] = AcceptedInBatch.byClient(submission) ? submission.clientKey() : null;
                previousClientKeys[k] = previous(submission.client());
                previousKeyHashes[k] = previous(feedback.submissionKey());
                area[k] = feedback.areaId();
                task[k] = feedback.taskId();
            }
        }
        List<Judged> judged = new ArrayList<>(n);
        try (PreparedStatement query = connection.prepareStatement(judge)) {
            ArrayParameters.text(query, 1, client);
            ArrayParameters.text(query, 2, publication);
            ArrayParameters.text(query, 3, fingerprint);
            ArrayParameters.text(query, 4, since);
            ArrayParameters.text(query, 5, keyHash);
            ArrayParameters.text(query, 6, dupClient);
            ArrayParameters.text(query, 7, previousClientKeys);
            ArrayParameters.text(query, 8, previousKeyHashes);
            ArrayParameters.text(query, 9, area);
            ArrayParameters.text(query, 10, task);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    PublicationWindow window = rows.getObject(4) == null ? null
                            : new PublicationWindow(rows.getObject(5, UUID.class), new DisclosureWindow(
                                    rows.getObject(6, OffsetDateTime.class).toInstant(),
                                    rows.getObject(7, OffsetDateTime.class).toInstant(), ZoneId.of(rows.getString(8))));
                    // The same form's earlier submission, stored under a previous key, is the same form: it is
                    // remembered under this submission's pseudonym, as Earlier compares.
                    Earlier earlier = rows.getString(9) == null ? null : new Earlier(rows.getString(9),
                            rows.getBoolean(11) ? (String) keyHash[rows.getInt(1) - 1] : rows.getString(10));
                    Placement taskPlace = rows.getObject(13) == null ? null : new Placement(
                            rows.getObject(13, UUID.class), rows.getObject(14, UUID.class),
                            rows.getObject(15, UUID.class), rows.getObject(16, UUID.class), rows.getBoolean(17));
                    judged.add(new Judged(rows.getInt(2), rows.getDouble(3), window, earlier,
                            rows.getObject(12, UUID.class), taskPlace));
                }
            }
        }
        if (judged.size() != n) {
            throw new SQLException("the batch's query answered " + judged.size() + " rows for " + n + " submissions");
        }
        return judged;
    }

    /** The pseudonyms under the previous keys, comma-separated (hex has no comma); null with none. */
    private static String previous(Pseudonym pseudonym) {
        return pseudonym == null || pseudonym.previous().isEmpty() ? null : String.join(",", pseudonym.previous());
    }

    /** Writes the accepted submissions, their history and their events in one statement. */
    private void store(Connection connection, List<PublicSubmission> submissions, List<Judged> judged,
                       List<Integer> accepted) throws SQLException {
        if (accepted.isEmpty()) {
            return;
        }
        int n = accepted.size();
        Object[][] columns = new Object[STORE_COLUMNS][n];
        byte[][][] sealed = new byte[SEALED_COLUMNS][n][];
        OutboxRows events = outbox.rows();
        for (int k = 0; k < n; k++) {
            int i = accepted.get(k);
            PublicSubmission.NewFeedback f = submissions.get(i).feedback();
            Judged found = judged.get(i);
            UUID inspectionId = found.publication().inspectionId();
            int c = 0;
            columns[c++][k] = f.id();
            columns[c++][k] = f.publicationId();
            columns[c++][k] = inspectionId;
            columns[c++][k] = f.trackingCode();
            columns[c++][k] = f.channel().name();
            columns[c++][k] = f.category() == null ? null : f.category().name();
            columns[c++][k] = found.areaId(f);
            columns[c++][k] = found.problemId();
            columns[c++][k] = f.taskId();
            columns[c++][k] = f.text();
            columns[c++][k] = f.anonymous();
            sealed[0][k] = f.nameSealed();
            sealed[1][k] = f.phoneSealed();
            sealed[2][k] = f.emailSealed();
            sealed[3][k] = f.addressSealed();
            c += SEALED_COLUMNS;
            columns[c++][k] = submissions.get(i).clientKey();
            columns[c++][k] = f.apiClient();
            columns[c++][k] = f.textFingerprint();
            columns[c++][k] = f.submissionKeyHash();
            columns[c++][k] = f.receivedAt().toString();
            columns[c++][k] = f.replyDueAt().toString();
            columns[c++][k] = f.createdAt().toString();
            columns[c][k] = f.historyDetail();
            events.add(Feedback.AGGREGATE, f.id().toString(), 0,
                    new FeedbackEvent.FeedbackReceived(f.snapshot(inspectionId, found.areaId(f), found.problemId()).published()),
                    submissions.get(i).traceparent());
        }
        try (PreparedStatement statement = connection.prepareStatement(store)) {
            for (int c = 0; c < columns.length; c++) {
                if (c >= FIRST_SEALED && c < FIRST_SEALED + SEALED_COLUMNS) {
                    ArrayParameters.bytes(statement, c + 1, sealed[c - FIRST_SEALED]);
                } else {
                    ArrayParameters.text(statement, c + 1, columns[c]);
                }
            }
            events.bind(statement, columns.length + 1);
            statement.executeUpdate();
        }
    }

    static ApiException outsideWindow(DisclosureWindow window, Instant now, Language language) {
        return new ApiException(409, Messages.get(language, "window.title"),
                Messages.get(language, window.notYetOpen(now) ? "window.notYet" : "window.over",
                        language == Language.EN ? window.describe() : window.describeInChinese()))
                .with("windowStart", window.startInZone())
                .with("windowEnd", window.endInZone())
                .with("timeZone", window.zone().getId());
    }

    /**
     * A duplicate is refused (409) whoever sends it; nothing is stored twice. The earlier tracking
     * code, the only credential to follow that submission, is named only to a request that proves
     * it holds it already: the form that sent it (the same submission key, from whatever address: a
     * double click, an answer lost on the way, a retry after the phone changed networks). Anyone
     * else behind the same address (one NAT: an office, a carrier) is told neutrally, without the
     * code, and so is an integration client: the contact details it relays are no proof of who is
     * calling (anyone may give a neighbour's name and number to the hotline), and a client that
     * lost its answer finds its own request's code in its search, which lists what it submitted.
     */
    private static ApiException duplicate(Earlier earlier, PublicSubmission.NewFeedback feedback, Language language) {
        boolean holdsTheCode = feedback.apiClient() == null && earlier.sameForm(feedback.submissionKeyHash());
        if (!holdsTheCode) {
            return new ApiException(409, Messages.get(language, "duplicate.title"),
                    Messages.get(language, "duplicate.neutral"));
        }
        String code = TrackingCodes.display(earlier.trackingCode());
        return new ApiException(409, Messages.get(language, "duplicate.title"),
                Messages.get(language, "duplicate.detail", code)).with("earlierTrackingCode", code);
    }
}
