package io.rectification.feedback.handling;

import io.quarkus.panache.common.Parameters;
import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.feedback.feedback.ReplyRule;
import io.rectification.feedback.feedback.ReplyUrgency;

import java.util.List;
import java.util.UUID;

/**
 * The inbox's filters of {@code GET /feedback} and {@code GET /feedback/counts}, as JPQL over {@code Feedback f}:
 * the publication, a status, the reply's standing ({@link Reply}, {@link ReplyRule}), {@link InboxSearch q}, a
 * category, a channel, and only those a duplicate may be merged into ({@link MergeRule#TARGETS}). {@code linkCancelled} ids, when asked, are found first ({@link StaffFeedbackService}).
 */
public record InboxQuery(UUID publicationId, FeedbackStatus status, Reply reply, InboxSearch search,
                         FeedbackCategory category, FeedbackChannel channel, boolean mergeTarget, Order order) {

    /** The inbox's tabs: 待答复 (OWED), 已超期, 即将到期, 新收到; absent: 全部. */
    public enum Reply {
        OWED, OVERDUE, DUE_SOON, NEW;

        ReplyUrgency urgency() {
            return switch (this) {
                case OWED -> null;
                case OVERDUE -> ReplyUrgency.OVERDUE;
                case DUE_SOON -> ReplyUrgency.DUE_SOON;
                case NEW -> ReplyUrgency.NEW;
            };
        }
    }

    /** NEWEST: received last first; REPLY_DUE: the earliest reply date first (then the oldest). */
    public enum Order {
        NEWEST, REPLY_DUE;

        /** The urgent tabs (待答复, 已超期, 即将到期) by the reply date, the others newest first. */
        static Order byDefault(Reply reply) {
            return reply == Reply.OWED || reply == Reply.OVERDUE || reply == Reply.DUE_SOON ? REPLY_DUE : NEWEST;
        }

        /** JPQL over {@code Feedback f}, ending in the id so that pages neither overlap nor leave a gap. */
        String orderBy() {
            return this == REPLY_DUE ? " order by f.replyDueAt, f.receivedAt, f.id" : " order by f.receivedAt desc, f.id";
        }
    }

    public static InboxQuery of(UUID publicationId, FeedbackStatus status) {
        return new InboxQuery(publicationId, status, null, null, null, null, false, Order.NEWEST);
    }

    /** Every filter but the reply's standing, which the counts take one by one. */
    void whereExceptReply(StringBuilder where, Parameters parameters) {
        if (publicationId != null) {
            where.append(" and f.publicationId = :publicationId");
            parameters.and("publicationId", publicationId);
        }
        if (status != null) {
            where.append(" and f.status = :status");
            parameters.and("status", status);
        }
        if (category != null) {
            where.append(" and f.category = :category");
            parameters.and("category", category);
        }
        if (channel != null) {
            where.append(" and f.channel = :channel");
            parameters.and("channel", channel);
        }
        if (mergeTarget) {
            where.append(" and ").append(MergeRule.TARGETS);
            MergeRule.targetParameters(parameters);
        }
        if (search != null && search.trackingCode() != null) {
            where.append(" and f.trackingCode = :trackingCode");
            parameters.and("trackingCode", search.trackingCode());
        } else if (search != null) {
            List<String> words = search.words();
            for (int i = 0; i < words.size(); i++) {
                where.append(" and lower(f.text) like :word").append(i).append(" escape '!'");
                parameters.and("word" + i, InboxSearch.contains(words.get(i)));
            }
        }
    }

    void where(StringBuilder where, Parameters parameters, ReplyRule.AsOf asOf) {
        whereExceptReply(where, parameters);
        if (reply != null) {
            where.append(" and ").append(ReplyRule.AsOf.where(reply.urgency()));
            asOf.parameters(parameters, reply.urgency());
        }
    }
}
