package io.rectification.platform.events;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.error.Causes;
import io.rectification.platform.error.ErrorTypes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages a consumer could not apply, kept with the reason so that nothing is silently dropped.
 * The payload is stored as the bytes received (bytea), whatever they are: a NUL byte, invalid
 * UTF-8 or a body of the broker's maximum size must never keep a message from being recorded.
 */
@ApplicationScoped
public class DeadLetters {

    /** Characters of a payload shown in a listing; the whole payload is at {@link #payload(long)}. */
    static final int PREVIEW = 64 * 1024;
    /** Longest reason kept: an exception message may quote a whole payload. */
    static final int MAX_REASON = 2_000;

    private final EntityManager entityManager;

    public DeadLetters(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Where a message came from, and why it is a dead letter. */
    public record Failure(String consumer, String topic, int partition, long offset, String eventId,
                         String eventType, String reason, byte[] payload) {
    }

    /** Records in a transaction of its own, so the record stays whatever happens to the caller's. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Failure failure) {
        insert(failure);
    }

    /** Records in the caller's transaction (a replay that must commit or vanish as a whole). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInCurrentTransaction(Failure failure) {
        insert(failure);
    }

    /**
     * Not again where the same consumer's message at that position was dismissed ({@link DismissedMessages},
     * whose rule this is too): the readers pass over such a message, and this holds for one that has
     * not heard of the dismissal yet (made in another instance since it loaded them).
     */
    private void insert(Failure failure) {
        entityManager.createNativeQuery("""
                        INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, payload)
                        SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
                        WHERE NOT EXISTS (SELECT 1 FROM dead_letter WHERE consumer = ?1 AND topic = ?2
                                          AND kafka_partition = ?3 AND kafka_offset = ?4 AND resolution = 'DISMISSED')""")
                .setParameter(1, failure.consumer())
                .setParameter(2, failure.topic())
                .setParameter(3, failure.partition())
                .setParameter(4, failure.offset())
                .setParameter(5, storable(failure.eventId(), 200))
                .setParameter(6, storable(failure.eventType(), 200))
                .setParameter(7, storable(failure.reason(), MAX_REASON))
                .setParameter(8, failure.payload() == null ? new byte[0] : failure.payload())
                .executeUpdate();
    }

    /**
     * Text PostgreSQL accepts: control characters other than tab and line breaks (NUL above all)
     * and lone surrogates become U+FFFD, and the text is cut to a bound.
     */
    static String storable(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && clean.length() < max; i++) {
            char c = text.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairStart) {
                clean.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    static String preview(byte[] payload) {
        if (payload == null) {
            return null;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() > PREVIEW ? text.substring(0, PREVIEW) : text;
    }

    /** The answer about a dead letter that is not there. */
    static ApiException notFound(long id) {
        return new ApiException(404, ErrorTypes.NOT_FOUND, "no dead letter " + id);
    }

    /** Why a message was not applied, as the consumers, a rebuild's replay and an operator's replay all say it. */
    static String notApplied(RuntimeException e) {
        SQLException database = databaseError(e);
        if (database != null) {
            return "not applied: " + database.getMessage() + " (SQLState " + database.getSQLState() + ")";
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return "not applied: " + cause.getMessage();
    }

    /**
     * The database's own error behind a failure. A failed batch's is its next exception: the batch's
     * text repeats the statement with every value bound (thousands of characters, cut at the reason's
     * limit before the error it ends with).
     */
    private static SQLException databaseError(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof SQLException sql) {
                return sql.getNextException() != null ? sql.getNextException() : sql;
            }
        }
        return null;
    }

    /**
     * The newest first; {@code open}: only the open ones (true), only the resolved ones (false), or
     * all (null).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeadLetter> latest(int limit, Boolean open) {
        String state = open == null ? "" : open ? "WHERE resolution IS NULL " : "WHERE resolution IS NOT NULL ";
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT " + DeadLetter.COLUMNS + " FROM dead_letter " + state + "ORDER BY id DESC LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(DeadLetter::fromRow).toList();
    }

    /** One dead letter as listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeadLetter> find(long id) {
        return one("SELECT " + DeadLetter.COLUMNS + " FROM dead_letter WHERE id = ?1", id);
    }

    /** One dead letter, locked to the caller's transaction: two operators do not resolve it twice. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeadLetter> lock(long id) {
        return one("SELECT " + DeadLetter.COLUMNS + " FROM dead_letter WHERE id = ?1 FOR UPDATE", id);
    }

    @SuppressWarnings("unchecked")
    private Optional<DeadLetter> one(String sql, long id) {
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(DeadLetter::fromRow);
    }

    /** Marks an open dead letter resolved; {@code reason} is a dismissal's (null for a replay). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolve(long id, DeadLetterOutcome outcome, String by, Instant at, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE dead_letter SET resolution = ?2, resolved_by = ?3, resolved_at = ?4, dismissal_reason = ?5
                        WHERE id = ?1 AND resolution IS NULL""")
                .setParameter(1, id).setParameter(2, outcome.name()).setParameter(3, storable(by, 200))
                .setParameter(4, at).setParameter(5, storable(reason, MAX_REASON))
                .executeUpdate();
    }

    /** A replay that failed again: the dead letter stays open with the new reason and one attempt more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failedAgain(long id, String reason) {
        entityManager.createNativeQuery("""
                        UPDATE dead_letter SET reason = ?2, attempts = attempts + 1 WHERE id = ?1 AND resolution IS NULL""")
                .setParameter(1, id).setParameter(2, storable(reason, MAX_REASON))
                .executeUpdate();
    }

    /** The consumer's messages whose dead letters an operator dismissed, to be passed over when read again. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    DismissedMessages dismissed(String consumer) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT topic, kafka_partition, kafka_offset FROM dead_letter"
                        + " WHERE consumer = ?1 AND resolution = 'DISMISSED'")
                .setParameter(1, consumer)
                .getResultList();
        DismissedMessages dismissed = new DismissedMessages();
        rows.forEach(row -> dismissed.add((String) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()));
        return dismissed;
    }

    /** The message of a dead letter exactly as it was received. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<byte[]> payload(long id) {
        List<byte[]> rows = entityManager.createNativeQuery("SELECT payload FROM dead_letter WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst();
    }
}
