package io.rectification.platform.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.rectification.platform.audit.AuditResource;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.DatabaseUnavailable;
import io.rectification.platform.error.TransactionConflict;
import io.rectification.platform.time.InstantText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Clock;

/**
 * What an operator does with a dead letter once its cause is dealt with (a fixed consumer deployed,
 * a missing reference arrived, the database back): <b>replay</b> it, which runs its message through
 * the handler of the consumer that recorded it exactly as that consumer applies a message (read by
 * {@link EventReader}, applied once by {@link ConsumedEvents#applyOnce}: an event applied since, say
 * delivered again, is a no-op), in one transaction with the dead letter's resolution; or
 * <b>dismiss</b> it, with the reason it must not be applied, so that no consumer applies its message
 * when it reads it again ({@link DismissedMessages}). Each is on the service's audit trail
 * (entity type {@link AuditResource#DEAD_LETTER}, the dead letter's number its id).
 *
 * <p>The handler is found by the dead letter's {@code consumer} among the service's
 * {@link EventHandler} beans, so every consumer can be replayed without registering anything, also
 * where the Kafka consumers do not run. A replay that fails again rolls back whatever it did, and
 * the dead letter stays open with the new reason and one attempt more (422).
 */
@ApplicationScoped
public class DeadLetterResolutions {

    private final DeadLetters deadLetters;
    private final Instance<EventHandler> handlers;
    private final EventReader reader;
    private final ConsumedEvents consumedEvents;
    private final AuditTrail audit;
    private final Clock clock;
    private final EventConsumers consumers;
    private final InstantText instants;

    public DeadLetterResolutions(DeadLetters deadLetters, Instance<EventHandler> handlers, EventReader reader,
                                 ConsumedEvents consumedEvents, AuditTrail audit, Clock clock, EventConsumers consumers,
                                 InstantText instants) {
        this.instants = instants;
        this.deadLetters = deadLetters;
        this.handlers = handlers;
        this.reader = reader;
        this.consumedEvents = consumedEvents;
        this.audit = audit;
        this.clock = clock;
        this.consumers = consumers;
    }

    /** Applies the dead letter's message now; the dead letter as resolved, or 422 naming why it failed again. */
    public DeadLetter replay(long id, String actor) {
        RuntimeException failure;
        try {
            return QuarkusTransaction.requiringNew().call(() -> replayed(id, actor));
        } catch (NotApplied e) {
            failure = e.failure;
        } catch (ApiException refusal) {
            throw refusal; // refused before anything was tried (404, 409): nothing changed
        } catch (RuntimeException e) {
            failure = e; // at the commit
        }
        if (DatabaseUnavailable.causedBy(failure) || TransactionConflict.causedBy(failure)) {
            throw failure; // not the message's fault: 503, and the dead letter is as it was
        }
        if (ApplyGate.Closed.causedBy(failure)) {
            // nor this: the read models are being replaced (a rebuild), and the dead letter is as it was
            throw ApiException.conflict("dead letter " + id + " was not replayed: " + failure.getMessage()
                    + "; replay it then");
        }
        String reason = failure instanceof EventReader.UnreadableMessage ? failure.getMessage()
                : DeadLetters.notApplied(failure);
        DeadLetter still = QuarkusTransaction.requiringNew().call(() -> failedAgain(id, actor, reason));
        throw new ApiException(422, "Still not applicable", "dead letter " + id + " was replayed and failed again ("
                + still.attempts() + " attempts); it stays open: " + still.reason());
    }

    /**
     * Resolves the dead letter without applying it; {@code reason} says why it must not be. Once that
     * has committed, this instance's consumer passes over the message should it read it again.
     */
    public DeadLetter dismiss(long id, String actor, String reason) {
        DeadLetter dismissed = QuarkusTransaction.requiringNew().call(() -> {
            open(id);
            return resolved(id, DeadLetterOutcome.DISMISSED, actor, reason, "DeadLetterDismissed");
        });
        consumers.dismissed(dismissed);
        return dismissed;
    }

    private DeadLetter replayed(long id, String actor) {
        DeadLetter letter = open(id);
        EventHandler handler = handlerOf(letter.consumer());
        byte[] message = deadLetters.payload(id).orElseThrow();
        try {
            consumedEvents.applyOnce(handler, reader.read(message));
        } catch (RuntimeException e) {
            throw new NotApplied(e); // whatever it is, a handler's ApiException too: the message's failure
        }
        return resolved(id, DeadLetterOutcome.REPLAYED, actor, null, "DeadLetterReplayed");
    }

    /** The message could not be read or applied; told apart from this class's own refusals. */
    private static final class NotApplied extends RuntimeException {
        final RuntimeException failure;

        NotApplied(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private DeadLetter failedAgain(long id, String actor, String reason) {
        open(id);
        deadLetters.failedAgain(id, reason);
        DeadLetter now = deadLetters.find(id).orElseThrow();
        audit.recordChange(actor, "DeadLetterReplayFailed", AuditResource.DEAD_LETTER, Long.toString(id), audited(now));
        return now;
    }

    /**
     * The dead letter, locked, when it is open: 404 when there is none, 409 once resolved. The audit
     * chain's lock comes first, as before any row lock ({@link AuditTrail#lockChain}); a handler may
     * append to the chain too.
     */
    private DeadLetter open(long id) {
        audit.lockChain();
        DeadLetter letter = deadLetters.lock(id)
                .orElseThrow(() -> DeadLetters.notFound(id));
        if (letter.resolution() != null) {
            throw ApiException.conflict("dead letter " + id + " was already resolved ("
                    + letter.resolution().outcome() + " by " + letter.resolution().by() + " at "
                    + instants.format(letter.resolution().at()) + ")");
        }
        return letter;
    }

    private EventHandler handlerOf(String consumer) {
        for (EventHandler handler : handlers) {
            if (handler.consumerName().equals(consumer)) {
                return handler;
            }
        }
        throw ApiException.conflict("no consumer of this service is named " + consumer
                + " (renamed since it was recorded?), so it cannot be replayed here; dismiss it, saying why");
    }

    private DeadLetter resolved(long id, DeadLetterOutcome outcome, String actor, String reason, String action) {
        deadLetters.resolve(id, outcome, actor, clock.instant(), reason);
        DeadLetter now = deadLetters.find(id).orElseThrow();
        audit.recordChange(actor, action, AuditResource.DEAD_LETTER, Long.toString(id), audited(now));
        return now;
    }

    /** As audited: without the message, which the dead letter keeps (and may be a megabyte). */
    private static DeadLetter audited(DeadLetter letter) {
        return new DeadLetter(letter.id(), letter.consumer(), letter.topic(), letter.partition(), letter.offset(),
                letter.eventId(), letter.eventType(), letter.reason(), null, letter.payloadBytes(), letter.receivedAt(),
                letter.attempts(), letter.resolution());
    }
}
