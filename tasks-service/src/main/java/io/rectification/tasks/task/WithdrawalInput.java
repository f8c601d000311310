package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.OptionalText;
import jakarta.validation.constraints.Size;

/**
 * Why the owners withdraw their completion claim (POST /tasks/{id}/completion-claim-withdrawal), if
 * they say: wrong evidence, a figure not reached yet. The body is optional, as the claim sends none.
 */
public record WithdrawalInput(@Size(max = 2000) @NoContactDetails String reason) {

    /** The reason as stored: stripped, null when blank or when no body came. */
    static String reasonOf(WithdrawalInput input) {
        return input == null ? null : OptionalText.of(input.reason);
    }
}
