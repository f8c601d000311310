package io.rectification.feedback.intake;

import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Pseudonym;

import java.util.regex.Pattern;

/**
 * The key a public form draws for the text it composes (128 random bits or more, base64url) and
 * sends with each try of it. It tells the same form from someone else behind the same address:
 * a duplicate's 409 names the earlier tracking code only to a request with the earlier one's key
 * (a double click, an answer lost on the way), never to another person who happens to send the
 * same text from the same NAT. And it tells the same form from another address: the same text
 * with the same key is a duplicate wherever it comes from (a phone that moved from Wi-Fi to mobile
 * data between two tries). Only its HMAC pseudonym is stored.
 */
final class SubmissionKey {

    static final String FIELD = "submissionKey";
    /** The rule, as the OpenAPI document states it and the intake checks it. */
    static final String PATTERN = "^[A-Za-z0-9_-]{22,64}$";
    static final String DESCRIPTION = "Optional: a random key the form draws once for the text it composes (at least "
            + "128 bits, base64url: 22 to 64 of A-Z, a-z, 0-9, - and _) and sends again with every retry of it. "
            + "A duplicate (409) names the earlier tracking code (earlierTrackingCode) only when it carries the "
            + "earlier submission's key; otherwise it is refused without the code. The same text with the same key "
            + "is a duplicate from whatever address it comes";

    private static final Pattern VALID = Pattern.compile(PATTERN);
    /** The pseudonym's context: a key is never compared with an address or a client's name. */
    private static final String PURPOSE = "submission-key";

    private SubmissionKey() {
    }

    static boolean valid(String key) {
        return VALID.matcher(key).matches();
    }

    /**
     * What is stored (its keyed hash under the current key) and compared (under every key of the
     * ring) for a (valid) key; null without a key.
     */
    static Pseudonym pseudonym(PersonalDataCipher cipher, String key) {
        return key == null ? null : cipher.pseudonyms(PURPOSE, key);
    }
}
