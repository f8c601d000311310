package io.rectification.platform.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
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

    private void insert(Failure failure) {
        entityManager.createNativeQuery("""
                        INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, payload)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
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

    private static final String COLUMNS =
            "id, consumer, topic, kafka_partition, kafka_offset, event_id, event_type, reason, payload, received_at";

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<DeadLetter> latest(int limit) {
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM dead_letter ORDER BY id DESC LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
        return rows.stream().map(DeadLetter::fromRow).toList();
    }

    /** One dead letter as listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<DeadLetter> find(long id) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?1")
                .setParameter(1, id)
                .getResultList();
        return rows.stream().findFirst().map(DeadLetter::fromRow);
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
