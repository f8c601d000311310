package io.rectification.feedback.handling;

import io.rectification.feedback.personal.Submitter;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.ErrorBody;
import io.rectification.platform.text.ContactDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What staff write that leaves feedback-service holds no one's personal data. An answer is published
 * (the tracking page, Open311's status_notes) and cannot be withdrawn; an escalation's title and
 * description go to tasks-service's ledger and into the public report. Refused, 400 naming the field
 * and the kinds found, never the values:
 * <ul>
 * <li>the submitter's own details as given with the feedback, wherever the text repeats them
 * ({@link Submitter#detailsIn}: a name matches no pattern, but the service knows the one to look for);</li>
 * <li>anyone's contact data that reaches a person ({@link ContactDetails#personalIn}, the platform's one
 * definition, which the lists' masks and tasks-service's check of its published texts use too): mobile
 * numbers, resident identity numbers, e-mail addresses (另一位群众王小明（138…）反映的问题, a member of
 * staff's own mobile).</li>
 * </ul>
 * A landline with its area code (0411-12345678) and the hotlines (12345, 12388) are how the public
 * reaches an office and stay allowed; the message says so, to offer them instead. Its words differ from
 * the platform's {@code NoContactDetails} refusal, which is about texts the public never reads.
 */
final class PublishedText {

    /** Where the text goes, which the refusal gives as the reason. */
    enum Use {
        ANSWER("an answer is published"),
        ESCALATION("an escalation goes to the ledger and the public report");

        final String why;

        Use(String why) {
            this.why = why;
        }
    }

    private final Submitter submitter;
    private final Use use;
    private final List<ErrorBody.FieldError> errors = new ArrayList<>();

    PublishedText(Submitter submitter, Use use) {
        this.submitter = submitter;
        this.use = use;
    }

    /** Checks one field's text; a refusal is collected, so one answer names every field at fault. */
    PublishedText check(String field, String text) {
        if (text == null) {
            return this;
        }
        List<Submitter.Detail> details = submitter.detailsIn(text);
        if (!details.isEmpty()) {
            errors.add(new ErrorBody.FieldError(field, "repeats the submitter's "
                    + details.stream().map(Submitter.Detail::field).collect(Collectors.joining(", "))
                    + " as given with the feedback; " + use.why + ", so write it without them"));
        }
        // The submitter's details are named above already; what else the text holds is anyone's.
        String rest = text;
        for (Submitter.Detail detail : details) {
            rest = rest.replace(detail.value(), " ");
        }
        Set<ContactDetails.Kind> kinds = ContactDetails.personalIn(rest);
        if (!kinds.isEmpty()) {
            errors.add(new ErrorBody.FieldError(field, "contains personal contact data (" + ContactDetails.words(kinds)
                    + "); " + use.why + " and may hold no one's: for a number to call, give an office's landline"
                    + " with its area code (0411-12345678) or a hotline (12345, 12388)"));
        }
        return this;
    }

    /** Throws the 400 listing every refusal collected, if any. */
    void requireNone() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
