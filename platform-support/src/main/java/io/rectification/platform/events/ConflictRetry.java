package io.rectification.platform.events;

import io.rectification.platform.error.TransactionConflict;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A consumer's transaction that PostgreSQL rolled back to settle a conflict with a concurrent one (a
 * deadlock, a serialization failure: two instances applying polls that touch the same rows) is tried
 * again after a short, jittered pause: nothing of it was kept, and it very likely goes through at once.
 * Such a failure is never the events' fault; after {@link #ATTEMPTS} the caller lets it pass up as it
 * does a database that is away (the poll read again), never halving it down to dead letters.
 */
final class ConflictRetry {

    static final int ATTEMPTS = 5;

    private ConflictRetry() {
    }

    static <T> T call(Supplier<T> transaction, Consumer<Duration> pause) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !TransactionConflict.causedBy(e)) {
                    throw e;
                }
                // jittered, so that the two who met do not meet again at once
                pause.accept(Duration.ofMillis(10L * attempt + ThreadLocalRandom.current().nextLong(10)));
            }
        }
    }
}
