package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.Feedback;
import io.rectification.feedback.feedback.FeedbackHistoryEntry;
import io.rectification.feedback.feedback.FeedbackSnapshot;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.TrackingCodes;
import io.rectification.platform.contract.FeedbackEvent;
import io.rectification.platform.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Repairs the merges recorded before merges were judged under both rows' locks (V10), which may loop
 * (A merged into B, B into A: neither ever answered) or chain (A into B, B into C). Each loop is
 * broken where it was closed: the member merged last (by its MERGED step's time in the history) is
 * merged no more, back to TRIAGED (RECEIVED when never triaged) and owed an answer; then every member
 * of a chain is merged straight into the chain's end. Each change is a step like a staff one: its
 * history entry (actor {@value #ACTOR}, as tasks-service's replies are written by "tasks-service"),
 * its version and its event (FeedbackMerged with the new target; FeedbackTriaged or FeedbackReceived
 * for one merged no more), so reporting-service's read model follows. Idempotent: on data without
 * loops or chains it finds nothing and changes nothing.
 *
 * <p>Not a Flyway migration: a migration writes no event and no audit entry, and reporting-service
 * would keep the loops and chains in its read model (docs/feedback-service.md, "Merges").
 */
@ApplicationScoped
@Transactional
public class MergeRepair {

    /** The history's actor of the repairs: the service itself, asked by an administrator. */
    static final String ACTOR = "feedback-service";

    private static final Logger LOG = Logger.getLogger(MergeRepair.class);

    /** A merged feedback whose target is merged too: a chain's or a loop's member. */
    private static final String BEHIND_A_MERGE = """
            SELECT a.id FROM feedback a JOIN feedback b ON b.id = a.merged_into_id
            WHERE a.status = 'MERGED' AND b.status = 'MERGED'""";
    private static final String MERGED_AT = """
            SELECT feedback_id, max(at) FROM feedback_history WHERE action = 'MERGED' AND feedback_id = ANY(CAST(?1 AS uuid[]))
            GROUP BY feedback_id""";

    @Schema(name = "MergeRepaired", requiredProperties = {"feedbackId", "was", "repair"},
            description = "One merge repaired: was, the feedback it was merged into; repair UNMERGED (it closed a loop, "
                    + "so it is merged no more and owed an answer; mergedIntoId null) or MERGED_INTO_END (it was behind "
                    + "another merge: now merged into mergedIntoId, where the merges end)")
    public record Repaired(UUID feedbackId, UUID was, String repair, UUID mergedIntoId, String status) {
    }

    @Schema(name = "MergeRepair", requiredProperties = {"loopsBroken", "mergesMovedToTheirEnd", "repaired"})
    public record Result(int loopsBroken, int mergesMovedToTheirEnd, List<Repaired> repaired) {
    }

    private final EventPublisher publisher;
    private final Clock clock;
    private final EntityManager entities;

    public MergeRepair(EventPublisher publisher, Clock clock, EntityManager entities) {
        this.publisher = publisher;
        this.clock = clock;
        this.entities = entities;
    }

    public Result repair(String requestedBy) {
        @SuppressWarnings("unchecked")
        List<UUID> found = entities.createNativeQuery(BEHIND_A_MERGE, UUID.class).getResultList();
        if (found.isEmpty()) {
            return new Result(0, 0, List.of());
        }
        // The members found locked in the merges' lock order; what they lead to, found by following the chain, after
        // them and so out of that order: a merge crossing this operator's run on those rows may deadlock, which
        // PostgreSQL ends by failing one of the two (nothing half-written; the run is asked for again).
        Map<UUID, Feedback> members = new TreeMap<>();
        found.stream().sorted(StaffFeedbackService.LOCK_ORDER).forEach(id -> lockInto(members, id));
        for (UUID id : List.copyOf(members.keySet())) {
            for (Feedback at = members.get(id); at != null && at.status == FeedbackStatus.MERGED && at.mergedIntoId != null; ) {
                at = members.containsKey(at.mergedIntoId) ? null : lockInto(members, at.mergedIntoId);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<UUID, OffsetDateTime> mergedAt = mergedAt(members.keySet());
        List<Repaired> repaired = new ArrayList<>();
        int loops = 0;
        for (List<Feedback> loop : loops(members)) {
            Feedback last = loop.stream().max(Comparator.comparing((Feedback f) -> mergedAt.getOrDefault(f.id, f.receivedAt))
                    .thenComparing(f -> f.id)).orElseThrow();
            UUID was = last.mergedIntoId;
            last.mergedIntoId = null;
            last.status = last.triagedAt != null ? FeedbackStatus.TRIAGED : FeedbackStatus.RECEIVED;
            String path = loop.stream().map(f -> f.id.toString()).reduce((a, b) -> a + " → " + b).orElseThrow()
                    + " → " + loop.get(0).id;
            record(last, now, "MERGE_UNDONE", "merge into " + was + " undone: the merges " + path + " looped and left "
                            + "them all without an answer; this one was merged last (repair asked by " + requestedBy + ")",
                    requestedBy, last.status == FeedbackStatus.TRIAGED ? FeedbackEvent.FeedbackTriaged::new
                            : FeedbackEvent.FeedbackReceived::new);
            repaired.add(new Repaired(last.id, was, "UNMERGED", null, last.status.name()));
            loops++;
        }
        for (Feedback member : members.values()) {
            Feedback end = end(member, members);
            if (member.status != FeedbackStatus.MERGED || end.id.equals(member.mergedIntoId)) {
                continue;
            }
            UUID was = member.mergedIntoId;
            member.mergedIntoId = end.id;
            record(member, now, "MERGE_MOVED_TO_END", "was merged into " + was + ", itself merged: now merged into "
                    + end.id + ", where those merges end (repair asked by " + requestedBy + ")", requestedBy,
                    snapshot -> new FeedbackEvent.FeedbackMerged(snapshot, end.id));
            FeedbackHistoryEntry.record(end.id, now, ACTOR, "DUPLICATE_MERGED_IN", "feedback " + member.id + " ("
                    + TrackingCodes.display(member.trackingCode) + ") merged into this one (it was merged into " + was
                    + ", itself merged)");
            repaired.add(new Repaired(member.id, was, "MERGED_INTO_END", end.id, member.status.name()));
        }
        LOG.infof("merge repair asked by %s: %d loop(s) broken, %d merge(s) moved to their end", requestedBy, loops,
                repaired.size() - loops);
        return new Result(loops, repaired.size() - loops, repaired);
    }

    private static Feedback lockInto(Map<UUID, Feedback> members, UUID id) {
        Feedback feedback = StaffFeedbackService.lock(id).orElse(null);
        if (feedback != null) {
            members.put(id, feedback);
        }
        return feedback;
    }

    /** Each loop once, its members in the order of their merges, starting from the lowest id met first. */
    private static List<List<Feedback>> loops(Map<UUID, Feedback> members) {
        List<List<Feedback>> loops = new ArrayList<>();
        Set<UUID> seen = new LinkedHashSet<>();
        for (Feedback start : members.values()) {
            List<Feedback> path = new ArrayList<>();
            Feedback at = start;
            while (at != null && at.status == FeedbackStatus.MERGED && !seen.contains(at.id)) {
                seen.add(at.id);
                path.add(at);
                at = at.mergedIntoId == null ? null : members.get(at.mergedIntoId);
            }
            if (at != null && path.contains(at)) {
                loops.add(List.copyOf(path.subList(path.indexOf(at), path.size())));
            }
        }
        return loops;
    }

    /** Where a member's merges end, once the loops are broken: the first feedback that is not merged. */
    private static Feedback end(Feedback member, Map<UUID, Feedback> members) {
        Feedback at = member;
        while (at.status == FeedbackStatus.MERGED && at.mergedIntoId != null && members.containsKey(at.mergedIntoId)) {
            at = members.get(at.mergedIntoId);
        }
        return at;
    }

    private Map<UUID, OffsetDateTime> mergedAt(Set<UUID> ids) {
        Map<UUID, OffsetDateTime> at = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(MERGED_AT).setParameter(1, ids.stream().map(UUID::toString).toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            at.put((UUID) row[0], toOffset(row[1]));
        }
        return at;
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    /** As a staff step records itself (FeedbackTriageService.finish): history, version, event and audit. */
    private void record(Feedback feedback, OffsetDateTime now, String action, String detail, String requestedBy,
                        Function<FeedbackEvent.FeedbackSnapshot, FeedbackEvent.FeedbackChange> event) {
        feedback.updatedAt = now;
        feedback.persistAndFlush();
        FeedbackHistoryEntry.record(feedback.id, now, ACTOR, action, detail.length() <= 500 ? detail
                : detail.substring(0, 499) + "…");
        FeedbackSnapshot snapshot = FeedbackSnapshot.of(feedback);
        publisher.publish(requestedBy, Feedback.AGGREGATE, feedback.id.toString(), feedback.version,
                event.apply(snapshot.published()), snapshot);
    }
}
