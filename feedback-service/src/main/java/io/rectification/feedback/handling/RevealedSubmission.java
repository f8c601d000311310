package io.rectification.feedback.handling;

import io.rectification.feedback.personal.Submitter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the personal-data permission shows, and the feedback's history records as viewed: the
 * submitter's contact details in full, and the text as sent, with whatever contact data the
 * submitter wrote into it (every other view masks it).
 */
@Schema(description = "The submitter's contact details in full and the text as sent (PERSONAL DATA)")
public record RevealedSubmission(String name, String phone, String email, String address, String text) {

    static RevealedSubmission of(Submitter submitter, String text) {
        return new RevealedSubmission(submitter.name(), submitter.phone(), submitter.email(), submitter.address(), text);
    }
}
