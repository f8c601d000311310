package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.platform.error.ApiException;

/**
 * A refusal that says when to try again (Retry-After, and {@code retryAfterSeconds} in the
 * body): too many requests from one client, or a submission that could not be stored just now.
 */
public class RetryLater extends ApiException {

    public RetryLater(int status, long retryAfterSeconds, String title, String detail) {
        super(status, title, detail);
        retryAfter(retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfter().orElseThrow();
    }

    /** 503: the batch this submission was in could not be stored; nothing of it was. */
    public static RetryLater notStored(Language language) {
        return new RetryLater(503, 1, Messages.get(language, "unavailable.title"),
                Messages.get(language, "unavailable.detail", 1));
    }
}
