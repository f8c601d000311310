package io.rectification.platform.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a dead letter is dismissed rather than replayed (a poison message, a test's message), for the next operator. */
public record DeadLetterDismissal(@NotBlank @Size(max = DeadLetterDismissal.MAX_REASON) String reason) {

    static final int MAX_REASON = 500;
}
