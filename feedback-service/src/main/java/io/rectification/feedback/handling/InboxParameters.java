package io.rectification.feedback.handling;

import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackChannel;
import io.rectification.feedback.feedback.FeedbackStatus;
import io.rectification.platform.rest.Flags;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.UUID;

/** The inbox's query parameters the list and its counts share (a value none of an enum's is a 400 naming it). */
public class InboxParameters {

    @QueryParam("reply")
    @Parameter(description = "The inbox's tab: OWED (待答复), OVERDUE (已超期), DUE_SOON (即将到期), NEW (新收到); absent: all")
    public InboxQuery.Reply reply;

    @QueryParam("q")
    @Parameter(description = "A tracking code (dashes, spaces and case ignored), or words the text holds, every one"
            + " (case-insensitive). Not a look-up of personal data: a run of 5 or more digits that is not a tracking"
            + " code (a phone or id number), or an '@' (an e-mail address), is a 400 naming q. At most 100 characters")
    public String q;

    @QueryParam("category")
    public FeedbackCategory category;

    @QueryParam("channel")
    public FeedbackChannel channel;

    @QueryParam("mergeTarget")
    @Parameter(description = "true: only the feedback a duplicate may be merged into (not MERGED, not CLOSED without an"
            + " answer: MergeRule), what the merge dialog searches. Anything but true or false is a 400 naming it")
    public String mergeTarget;

    InboxQuery query(UUID publicationId, FeedbackStatus status, InboxQuery.Order sort) {
        return new InboxQuery(publicationId, status, reply, InboxSearch.of(q), category, channel,
                Flags.parse(mergeTarget, "mergeTarget"), sort != null ? sort : InboxQuery.Order.byDefault(reply));
    }
}
