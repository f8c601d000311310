package io.rectification.platform.idempotency;

import java.time.Instant;

/** What claiming a key found: it was free (the request runs), or what became of the first request with it. */
public sealed interface Claim {

    /** The key was free, or had expired: it is this request's now. */
    record Claimed() implements Claim {
    }

    /** The first request with the same key and fingerprint was answered: its answer is the retry's. */
    record Answered(StoredAnswer answer) implements Claim {
    }

    /** The first request with the key is still running. */
    record Running() implements Claim {
    }

    /**
     * The first request with the key, claimed {@code since}, has not been answered for longer than any
     * request runs: the instance serving it stopped. Whether it took effect is unknown.
     */
    record Abandoned(Instant since) implements Claim {
    }

    /** The key was sent before with another request (another fingerprint). */
    record OtherRequest() implements Claim {
    }
}
