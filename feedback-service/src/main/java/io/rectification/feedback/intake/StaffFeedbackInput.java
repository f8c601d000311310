package io.rectification.feedback.intake;

import io.rectification.feedback.feedback.FeedbackChannel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What staff record for a feedback that arrived by PHONE, POST or EMAIL: the day it was received and,
 * when known (a call's), the time of day in the publication's zone,
 * the receipt number it was registered under (e.g. the letter's registration number), the text
 * and whatever contact details the person gave.
 */
public record StaffFeedbackInput(
        @NotNull UUID publicationId,
        @NotNull FeedbackChannel channel,
        @NotNull LocalDate receivedOn,
        LocalTime receivedTime,
        @Size(max = 60) String receiptNumber,
        String text,
        UUID areaId,
        UUID taskId,
        String name,
        String phone,
        String email,
        String address) {
}
