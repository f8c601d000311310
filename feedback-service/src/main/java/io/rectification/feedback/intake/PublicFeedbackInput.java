package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackCategory;
import java.util.UUID;

/**
 * What the public form (or any client) sends. Checked by hand rather than by bean validation so
 * that every refusal is in the submitter's language. {@code website} is a honeypot: the form hides
 * it from people, so only robots fill it in. {@code category} (optional) sets the reply deadline from
 * the start, by the one rule {@link ReplyDeadlines#daysFor}, as Open311's service_code does.
 */
public record PublicFeedbackInput(String text, FeedbackCategory category, UUID areaId, UUID taskId, String name, String phone, String email,
                                  String address, String website) {
}
