package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * What the public form (or any client) sends. Checked by hand rather than by bean validation so
 * that every refusal is in the submitter's language ({@link PublicIntake}, {@link TextChecks}); the
 * {@code @Schema} annotations say the same rules in the OpenAPI document. {@code website} is a
 * honeypot: the form hides it from people, so only robots fill it in. {@code category} (optional)
 * sets the reply deadline from the start, by the one rule {@link ReplyDeadlines#daysFor}, as
 * Open311's service_code does. {@code submissionKey} (optional) tells the same form's retry from
 * someone else's duplicate ({@link SubmissionKey}).
 */
public record PublicFeedbackInput(
        @Schema(required = true, minLength = 1, maxLength = FeedbackIntakeService.MAX_TEXT, pattern = "\\S",
                description = FeedbackIntakeService.TEXT_DESCRIPTION)
        String text,
        FeedbackCategory category,
        @Schema(description = FeedbackIntakeService.LINK_DESCRIPTION)
        UUID areaId,
        @Schema(description = FeedbackIntakeService.LINK_DESCRIPTION)
        UUID taskId,
        @Schema(maxLength = TextChecks.MAX_NAME, description = "The submitter's name, if given: one line, at most 50 characters")
        String name,
        @Schema(maxLength = TextChecks.MAX_PHONE, pattern = TextChecks.PHONE_SCHEMA_PATTERN,
                description = TextChecks.PHONE_DESCRIPTION)
        String phone,
        @Schema(format = "email", maxLength = TextChecks.MAX_EMAIL, pattern = TextChecks.EMAIL_SCHEMA_PATTERN,
                description = TextChecks.EMAIL_DESCRIPTION)
        String email,
        @Schema(maxLength = TextChecks.MAX_ADDRESS, description = TextChecks.ADDRESS_DESCRIPTION)
        String address,
        @Schema(maxLength = 0, description = "A honeypot the public form hides from people: must be absent, null or empty; "
                + "any other value is refused as a robot's")
        String website,
        @Schema(minLength = 22, maxLength = 64, pattern = SubmissionKey.PATTERN, description = SubmissionKey.DESCRIPTION)
        String submissionKey) {
}
