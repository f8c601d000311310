package io.rectification.feedback.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Erases the personal data of feedback finished for longer than the retention period
 * ({@link RetentionPeriod}): the sealed name, phone, email and address, the pseudonyms (client_key,
 * submission_key_hash) and the key id they were under, and records when (personal_data_erased_at)
 * and a PERSONAL_DATA_ERASED history entry, which names the period and nothing of the data. The text,
 * the answer and the history are kept as they are: every view but the (now refused) reveal masks the
 * contact data written into the text.
 *
 * <p>In batches of {@code feedback.personal-data.erasure.batch-size}, each one statement and so its own
 * transaction: it picks the due rows {@code FOR UPDATE SKIP LOCKED}, so instances running at once take
 * different rows, and a row a staff step holds is left for the next batch or run (its step may start
 * the period anew). A staff step that waits on a row being erased reads it erased, and never writes
 * these columns back (Feedback maps them {@code updatable = false}); a rekey batch writes only a row
 * still under the key it read, which an erased row no longer is. The version is left as it is: no event
 * is published (nothing the public or the other services see changes), so the versions the events
 * carry stay consecutive. A run that erased anything is one entry on the audit trail
 * ({@value #AUDIT_ENTITY}, with its count, no feedback ids).
 */
@ApplicationScoped
public class PersonalDataErasure {

    /** The audit trail's entity type of a run; its id is the run's. */
    public static final String AUDIT_ENTITY = "PersonalDataErasure";
    static final String ACTOR = "feedback-service";
    static final String HISTORY_ACTION = "PERSONAL_DATA_ERASED";

    static final String ERASE = """
            WITH due AS (
                SELECT id FROM feedback
                WHERE personal_data_erased_at IS NULL AND %s AND updated_at <= ?
                ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED),
            erased AS (
                UPDATE feedback f SET name_sealed = NULL, phone_sealed = NULL, email_sealed = NULL, address_sealed = NULL,
                       client_key = NULL, submission_key_hash = NULL, personal_key_id = NULL,
                       personal_data_erased_at = ?
                FROM due WHERE f.id = due.id RETURNING f.id)
            INSERT INTO feedback_history (feedback_id, at, actor, action, detail)
            SELECT id, ?, ?, ?, ? FROM erased""".formatted(RetentionPeriod.FINISHED_SQL);

    /** What a run did, as the audit trail keeps it: how many, under which period; no feedback ids. */
    public record Run(UUID id, int erased, String retention, OffsetDateTime lastStepUpTo) {
    }

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Duration retention;
    private final int batchSize;

    public PersonalDataErasure(DataSource dataSource, AuditTrail audit,
                               @ConfigProperty(name = RetentionPeriod.PROPERTY, defaultValue = "P365D") Duration retention,
                               @ConfigProperty(name = "feedback.personal-data.erasure.batch-size", defaultValue = "500")
                               int batchSize) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    /** Refuses to start with a period of zero or less (which would erase the contact of every finished feedback). */
    void checkAtStartup(@Observes StartupEvent event) {
        period();
        if (batchSize < 1) {
            throw new IllegalStateException("feedback.personal-data.erasure.batch-size must be 1 or more, not " + batchSize);
        }
    }

    /** Erases every row due at {@code now}, batch after batch, and records the run when it erased any. */
    public Run run(Instant now) {
        RetentionPeriod period = period();
        OffsetDateTime upTo = period.lastStepUpTo(now);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        String detail = "retention period " + retention + " after the last step over: contact details and pseudonyms "
                + "erased";
        int erased = 0;
        int batch;
        do {
            batch = eraseBatch(upTo, at, detail);
            erased += batch;
        } while (batch == batchSize);
        Run run = new Run(UUID.randomUUID(), erased, retention.toString(), upTo);
        if (erased > 0) {
            QuarkusTransaction.requiringNew().run(() ->
                    audit.recordChange(ACTOR, "PersonalDataErased", AUDIT_ENTITY, run.id().toString(), run));
        }
        return run;
    }

    private int eraseBatch(OffsetDateTime upTo, OffsetDateTime at, String detail) {
        // one statement: its own transaction, in which the rows it picked stay locked until it is done
        try (Connection connection = dataSource.getConnection();
             PreparedStatement erase = connection.prepareStatement(ERASE)) {
            erase.setObject(1, upTo);
            erase.setInt(2, batchSize);
            erase.setObject(3, at);
            erase.setObject(4, at);
            erase.setString(5, ACTOR);
            erase.setString(6, HISTORY_ACTION);
            erase.setString(7, detail);
            return erase.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("a batch of the personal data erasure failed", e);
        }
    }

    private RetentionPeriod period() {
        return new RetentionPeriod(retention);
    }
}
