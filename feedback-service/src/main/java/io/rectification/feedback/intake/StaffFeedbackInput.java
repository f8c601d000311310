package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What staff record for a feedback that arrived by PHONE, POST or EMAIL: the day it was received and,
 * when known (a call's), the time of day in the publication's zone,
 * the receipt number it was registered under (e.g. the letter's registration number), the text
 * and whatever contact details the person gave. The text and contact details are checked as the
 * public's are ({@link TextChecks}, in {@link FeedbackIntakeService#recordFromStaff}); the
 * {@code @Schema} annotations say those rules in the OpenAPI document.
 */
public record StaffFeedbackInput(
        @NotNull UUID publicationId,
        @Schema(enumeration = {"PHONE", "POST", "EMAIL"},
                description = "PHONE, POST or EMAIL: WEB and API are refused here, as those channels submit themselves")
        @NotNull FeedbackChannel channel,
        @Schema(description = "The day it was received, in the publication's time zone; not in the future")
        @NotNull LocalDate receivedOn,
        @Schema(description = "The time of day it was received (a call's), in the publication's time zone; "
                + "receivedOn with it must not be in the future")
        LocalTime receivedTime,
        @Schema(description = "The receipt number it was registered under: one line, at most 60 characters")
        @Size(max = 60) String receiptNumber,
        @Schema(required = true, minLength = 1, maxLength = FeedbackIntakeService.MAX_TEXT, pattern = "\\S",
                description = FeedbackIntakeService.TEXT_DESCRIPTION)
        String text,
        @Schema(description = FeedbackIntakeService.LINK_DESCRIPTION)
        UUID areaId,
        @Schema(description = FeedbackIntakeService.LINK_DESCRIPTION)
        UUID taskId,
        @Schema(maxLength = TextChecks.MAX_NAME, description = "The person's name, if given: one line, at most 50 characters")
        String name,
        @Schema(maxLength = TextChecks.MAX_PHONE, pattern = TextChecks.PHONE_SCHEMA_PATTERN,
                description = TextChecks.PHONE_DESCRIPTION)
        String phone,
        @Schema(format = "email", maxLength = TextChecks.MAX_EMAIL, pattern = TextChecks.EMAIL_SCHEMA_PATTERN,
                description = TextChecks.EMAIL_DESCRIPTION)
        String email,
        @Schema(maxLength = TextChecks.MAX_ADDRESS, description = TextChecks.ADDRESS_DESCRIPTION)
        String address) {
}
