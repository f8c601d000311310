package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.OptionalText;
import jakarta.validation.constraints.Size;

/**
 * What the office may write when it approves a deadline extension request: a note (审批意见), kept on
 * the request and added to the deadline move's reason. The body is optional.
 */
public record ExtensionApprovalInput(@Size(max = 500) @NoContactDetails String note) {

    /** The note as stored: stripped, null when blank or when no body came. */
    static String noteOf(ExtensionApprovalInput input) {
        return input == null ? null : OptionalText.of(input.note);
    }
}
