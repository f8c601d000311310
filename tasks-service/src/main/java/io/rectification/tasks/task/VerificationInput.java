package io.rectification.tasks.task;

import io.rectification.platform.rest.NoContactDetails;
import io.rectification.platform.text.OptionalText;
import jakarta.validation.constraints.Size;

/**
 * What a verifier may write with a close-out or consolidation (POST /tasks/{id}/verification): a
 * note, e.g. for a LONG_TERM task what is to be consolidated (巩固提升). The body is optional, as the
 * office's one close-out button sends none.
 */
public record VerificationInput(@Size(max = 2000) @NoContactDetails String note) {

    /** The note as stored: stripped, null when blank or when no body came. */
    static String noteOf(VerificationInput input) {
        return input == null ? null : OptionalText.of(input.note);
    }
}
