package io.rectification.feedback.intake;

import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Pseudonym;

/**
 * Who an integration client's (Open311) request comes from, as far as duplicates are concerned: the
 * client and the contact details it relays (name, phone, e-mail as given; none at all is one caller
 * too, the anonymous one). A hotline relays many callers under one api_key, so the same text from
 * the client is a duplicate only with the same contact: a retry of one caller's request, never a
 * second caller's complaint in the same words. GeoReport v2 carries no key of the client's own for
 * a request, so nothing in a request proves it is the same submitter's retry: the pseudonym decides
 * what is a duplicate, never who is told the earlier tracking code (see SubmissionBatch).
 * Only its HMAC pseudonym is stored ({@code submission_key_hash}), in a context of its own, so it
 * never equals a form's {@link SubmissionKey}.
 */
final class RelayedSubmitter {

    private static final String PURPOSE = "relayed-submitter";

    private RelayedSubmitter() {
    }

    /** The pseudonym of {@code apiClient}'s caller with these details (each null when not given). */
    static Pseudonym pseudonym(PersonalDataCipher cipher, String apiClient, String name, String phone, String email) {
        // NUL never occurs in a checked field (control characters are refused), so the parts cannot run together.
        return cipher.pseudonyms(PURPOSE, String.join("\0", apiClient, part(name), part(phone), part(email)));
    }

    private static String part(String value) {
        return value == null ? "" : value;
    }
}
