package io.rectification.platform.events;

import io.rectification.platform.jdbc.ArrayParameters;
import io.rectification.platform.jdbc.CopyText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The record of events already applied, per consumer: the primary key makes a duplicate a no-op.
 *
 * <p>Plain JDBC on the connection enlisted in the caller's transaction (Agroal), not the entity
 * manager: a consumer applying one event per transaction (the usual case while events trickle in)
 * would otherwise open and close a Hibernate session for this one statement, which a profile of
 * reporting-service's consumer put at a fifth of its CPU per event.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final DataSource dataSource;
    /** The service's {@link ApplyGate}s (reporting-service's rebuild), asked before anything is applied; none elsewhere. */
    private final Instance<ApplyGate> gates;

    public ConsumedEvents(DataSource dataSource, Instance<ApplyGate> gates) {
        this.dataSource = dataSource;
        this.gates = gates;
    }

    /** Records the event as consumed; false when it already was (then it must not be applied again). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return firstDeliveries(consumer, List.of(eventId)).contains(eventId);
    }

    /**
     * In the caller's transaction: records the id and applies the event, unless it was applied
     * before. A failure leaves the transaction to the caller (a replay rolls back to a savepoint).
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
    public boolean applyOnce(EventHandler handler, EventEnvelope event) {
        enter();
        if (!firstDelivery(handler.consumerName(), event.id())) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    /**
     * {@link #applyOnce} for a poll's events with one statement for all their ids: the events seen
     * for the first time (an id repeated within the batch only at its first place) go to the
     * handler's {@link EventHandler#handleAll} in their order. Returns how many were applied.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
    public int applyAllOnce(EventHandler handler, List<EventEnvelope> events) {
        enter();
        Set<String> fresh = firstDeliveries(handler.consumerName(), events.stream().map(EventEnvelope::id).toList());
        List<EventEnvelope> toApply = new ArrayList<>(fresh.size());
        for (EventEnvelope event : events) {
            if (fresh.remove(event.id())) {
                toApply.add(event);
            }
        }
        if (!toApply.isEmpty()) {
            handler.handleAll(toApply);
        }
        return toApply.size();
    }

    /**
     * Records ids that must all be new here, in one COPY: a rebuild's replay deleted its consumer's
     * records in this transaction, so an id already recorded is a duplicate within the replay. That
     * fails the call (the unique key refuses it), and the replay takes the batch again through
     * {@link #applyAllOnce}, which skips the duplicate. COPY because a million ids are a rebuild's
     * largest share of rows after the read models' own, and need no answer back.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = RuntimeException.class)
    public void recordAllNew(String consumer, List<String> eventIds) {
        CopyText rows = new CopyText();
        for (String eventId : eventIds) {
            rows.row(consumer, eventId);
        }
        rows.copyInto(dataSource, "consumed_event (consumer, event_id)");
    }

    /** First in the transaction, before the record of the event: {@link ApplyGate}. */
    private void enter() {
        for (ApplyGate gate : gates) {
            gate.enter();
        }
    }

    private Set<String> firstDeliveries(String consumer, List<String> eventIds) {
        // The connection enlisted in the caller's transaction (Agroal), as the entity manager's.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO consumed_event (consumer, event_id) SELECT ?, unnest(?::text[])
                     ON CONFLICT DO NOTHING RETURNING event_id""")) {
            insert.setString(1, consumer);
            ArrayParameters.text(insert, 2, eventIds);
            Set<String> fresh = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
