package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStaffView;
import io.rectification.feedback.feedback.ReplyRule;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rectification.feedback.ledger.LedgerReadModel;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Submitter;
import io.rectification.feedback.retention.ErasedDetails;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.rest.PageOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What staff read: feedback with contact details masked, its history, and (recorded) the full details. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StaffFeedbackService {

    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final AuditTrail audit;
    private final LedgerReadModel ledger;
    private final ReplyRule replyRule;

    public StaffFeedbackService(PersonalDataCipher cipher, Clock clock, AuditTrail audit, LedgerReadModel ledger,
                                ReplyRule replyRule) {
        this.replyRule = replyRule;
        this.cipher = cipher;
        this.clock = clock;
        this.audit = audit;
        this.ledger = ledger;
    }

    public FeedbackStaffView requireFeedback(UUID id) {
        return view(require(id));
    }

    /**
     * A page of the inbox ({@link InboxQuery}) and its total as of one moment ({@link InboxPage}), the reply's
     * standing judged as of now ({@link ReplyRule}).
     * {@code linkCancelled}: only the feedback linked to a part of the ledger the office cancelled (撤销), which
     * its handler links anew ({@link LedgerReadModel#LINK_CANCELLED}); few, so they are found by id first.
     */
    public PageOf<FeedbackStaffView> listFeedback(InboxQuery inbox, boolean linkCancelled, int page, int size) {
        StringBuilder where = new StringBuilder("from Feedback f where 1 = 1");
        Parameters parameters = new Parameters();
        if (linkCancelled) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = Feedback.getEntityManager()
                    .createNativeQuery("SELECT f.id FROM feedback f WHERE " + LedgerReadModel.LINK_CANCELLED)
                    .getResultList();
            if (ids.isEmpty()) {
                return new PageOf<>(List.of(), page, size, 0);
            }
            where.append(" and f.id in :linkCancelled");
            parameters.and("linkCancelled", ids);
        }
        ReplyRule.AsOf asOf = replyRule.now();
        inbox.where(where, parameters, asOf);
        InboxPage read = InboxPage.read(where.toString(), inbox.order().orderBy(), parameters, page, size);
        List<Feedback> rows = read.rows();
        // the page's cancelled links and escalated problems in a query each, not one a feedback (a page of 200
        // would take up to 400 more)
        LedgerReadModel.Cancellations cancelled = ledger.cancellations(rows.stream()
                .flatMap(f -> Stream.of(f.areaId, f.problemId, f.taskId)).toList());
        Map<UUID, LedgerReadModel.ProblemProgress> problems = ledger.problemProgress(rows.stream()
                .map(f -> f.escalatedProblemId).toList());
        return new PageOf<>(rows.stream().map(f -> FeedbackStaffView.of(f, submitter(f),
                problems.get(f.escalatedProblemId), cancelled.linkCancelledAt(f.areaId, f.problemId, f.taskId), asOf))
                .toList(), page, size, read.total());
    }

    /**
     * How many feedback each of the inbox's tabs holds under the other filters (the reply's standing set aside),
     * in one statement, as of the same moment as a list read beside it.
     */
    public InboxCounts counts(InboxQuery inbox) {
        StringBuilder where = new StringBuilder(" from Feedback f where 1 = 1");
        Parameters parameters = new Parameters();
        inbox.whereExceptReply(where, parameters);
        ReplyRule.AsOf asOf = replyRule.now();
        asOf.parameters(parameters);
        String select = "select count(f)" + Stream.of(InboxQuery.Reply.values())
                .map(r -> ", sum(case when " + ReplyRule.AsOf.where(r.urgency()) + " then 1 else 0 end)")
                .reduce("", String::concat);
        var query = Feedback.getEntityManager().createQuery(select + where, Object[].class);
        parameters.map().forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        return new InboxCounts(asOf.today(), asOf.dueSoonDays(), number(row[1]), number(row[2]), number(row[3]),
                number(row[4]), number(row[0]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * In time order, then in the order written. A step's time is taken in its transaction before its
     * entries are written, so two transactions may write in the other order than their times (a
     * look at the details beside a step, a reply from tasks-service): by the order written alone
     * the history would go back in time.
     */
    public List<HistoryView> history(UUID id) {
        require(id);
        return FeedbackHistoryEntry.<FeedbackHistoryEntry>find("feedbackId", Sort.ascending("at", "id"), id).stream()
                .map(HistoryView::of).toList();
    }

    /**
     * The submitter's details in full. Every call is recorded in the feedback's history (who,
     * when); a role check comes with authentication. Once the retention period erased them: 410, and
     * nothing recorded (nothing was shown).
     */
    @Transactional
    public RevealedSubmission revealSubmitter(UUID id, String actor) {
        Feedback feedback = require(id);
        if (feedback.personalDataErasedAt != null) {
            throw ErasedDetails.gone(feedback.personalDataErasedAt, clock.getZone());
        }
        FeedbackHistoryEntry.record(id, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), actor,
                "PERSONAL_DATA_VIEWED", "full contact details and the text as sent shown");
        // Who looked at a submitter's details is kept where it cannot be quietly erased; the entry
        // itself holds the feedback's state only, never the details shown.
        audit.recordChange(actor, "PersonalDataViewed", Feedback.AGGREGATE, id.toString(),
                FeedbackSnapshot.of(feedback));
        return RevealedSubmission.of(submitter(feedback), feedback.text);
    }

    FeedbackStaffView view(Feedback feedback) {
        return FeedbackStaffView.of(feedback, submitter(feedback),
                ledger.problemProgress(feedback.escalatedProblemId).orElse(null),
                ledger.linkCancelledAt(feedback.areaId, feedback.problemId, feedback.taskId), replyRule.now());
    }

    /**
     * The check of a text of staff's that leaves this service ({@link PublishedText}): an answer is
     * published, an escalation goes to tasks-service and into the public report.
     */
    PublishedText published(Feedback feedback, PublishedText.Use use) {
        return new PublishedText(submitter(feedback), use);
    }

    private Submitter submitter(Feedback feedback) {
        return new Submitter(cipher.open("name", feedback.nameSealed), cipher.open("phone", feedback.phoneSealed),
                cipher.open("email", feedback.emailSealed), cipher.open("address", feedback.addressSealed));
    }

    /** The feedback, or a 404 naming it: for every read. */
    static Feedback require(UUID id) {
        return Feedback.<Feedback>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("feedback", id));
    }

    /**
     * The feedback locked for the rest of the transaction ({@code SELECT … FOR UPDATE}), or empty:
     * for every step of staff's handling. Two steps on one feedback take turns, and the second
     * reads what the first committed, so it is judged on the feedback as it is (409 for a step its
     * status no longer allows, 412 for an If-Match the first made stale), never refused by the
     * version check of the write for a change it was never shown.
     */
    static Optional<Feedback> lock(UUID id) {
        return Feedback.<Feedback>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The order a step that locks several feedback rows locks them in (a merge its two, a batch all of its):
     * PostgreSQL's order of uuids, their bytes unsigned from the first, so that the database can lock a batch's
     * rows in one statement ({@link #lockAll}) in the order a merge locks its two one by one. Two that cross take
     * turns, never deadlock. Not {@link UUID#compareTo}, which compares the halves signed: another order.
     */
    static final Comparator<UUID> LOCK_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    /**
     * The feedback of these ids locked as {@link #lock} locks one, in one statement that locks them in
     * {@link #LOCK_ORDER} ({@code ORDER BY id FOR UPDATE}: PostgreSQL locks the rows as they come out of the
     * sort): a batch crossing a merge or another batch takes turns, never deadlocks. Those that do not exist are
     * absent.
     */
    static Map<UUID, Feedback> lockAll(Collection<UUID> ids) {
        return Feedback.<Feedback>find("id in ?1", Sort.ascending("id"), Set.copyOf(ids))
                .withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .collect(Collectors.toMap(feedback -> feedback.id, feedback -> feedback));
    }
}
