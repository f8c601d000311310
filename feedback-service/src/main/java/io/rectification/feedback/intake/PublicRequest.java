package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackCategory;
import io.rectification.feedback.feedback.FeedbackChannel;
import java.util.UUID;

/**
 * What a member of the public submits, from whichever channel: the web form (channel WEB, the
 * category the submitter chose, if any) or Open311 (channel API, the category its service_code names, which sets the reply
 * deadline from the start, and {@code apiClient}, the integration client whose api_key came with it).
 */
public record PublicRequest(UUID publicationId, PublicFeedbackInput input, FeedbackChannel channel,
                            FeedbackCategory category, String apiClient) {

    public static PublicRequest fromWeb(UUID publicationId, PublicFeedbackInput input) {
        return new PublicRequest(publicationId, input, FeedbackChannel.WEB, input == null ? null : input.category(), null);
    }
}
