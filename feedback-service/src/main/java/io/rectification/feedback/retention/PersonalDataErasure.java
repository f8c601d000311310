package io.rectification.feedback.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.rectification.feedback.personal.Masks;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Submitter;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.jdbc.ArrayParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases the personal data of feedback finished for longer than the retention period
 * ({@link RetentionPeriod}): the sealed name, phone, email and address, the pseudonyms (client_key,
 * submission_key_hash) and the key id they were under, and records when (personal_data_erased_at)
 * and a PERSONAL_DATA_ERASED history entry, which names the period and nothing of the data.
 *
 * <p>The text is rewritten to what staff were shown of it ({@link Masks#contactsIn(String, Submitter)}
 * with the details as they were): that mask hides the submitter's own name and address where the text
 * repeats them, which nothing can recognise once the details are gone, so an erasure that kept the text
 * as sent would show staff a name written in prose (联系人欧阳锋) it had hidden until then. The text as
 * sent was shown only with the details (the reveal, now refused), so nothing readable is lost. A row no
 * key opens is masked by the patterns alone (its details cannot be known) and its feedback id logged,
 * as the rekey does. The answer and the history are kept as they are.
 *
 * <p>In batches of {@code feedback.personal-data.erasure.batch-size}, each its own transaction of two
 * statements: the due rows picked {@code FOR UPDATE SKIP LOCKED} (through V14's index), so instances
 * running at once take different rows and a row a staff step holds is left for the next batch or run
 * (its step may start the period anew); then, with the texts masked here, one statement writes them all
 * and their history entries. A staff step that waits on a row being erased reads it erased, and never
 * writes these columns nor the text back (Feedback maps them {@code updatable = false}); a rekey batch
 * writes only a row still under the key it read, which an erased row no longer is. The version is left
 * as it is: no event is published (nothing the public or the other services see changes: they never
 * see the text), so the versions the events carry stay consecutive. A run that erased anything is one
 * entry on the audit trail ({@value #AUDIT_ENTITY}, with its count, no feedback ids).
 */
@ApplicationScoped
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class);

    /** The audit trail's entity type of a run; its id is the run's. */
    public static final String AUDIT_ENTITY = "PersonalDataErasure";
    static final String ACTOR = "feedback-service";
    static final String HISTORY_ACTION = "PERSONAL_DATA_ERASED";

    static final String DUE = """
            SELECT id, text, name_sealed, phone_sealed, email_sealed, address_sealed FROM feedback
            WHERE personal_data_erased_at IS NULL AND %s AND updated_at <= ?
            ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(RetentionPeriod.FINISHED_SQL);

    private static final String ERASE = """
            WITH erased AS (
                UPDATE feedback f SET text = u.text,
                       name_sealed = NULL, phone_sealed = NULL, email_sealed = NULL, address_sealed = NULL,
                       client_key = NULL, submission_key_hash = NULL, personal_key_id = NULL,
                       personal_data_erased_at = ?
                FROM unnest(?::uuid[], ?::text[]) AS u(id, text) WHERE f.id = u.id RETURNING f.id)
            INSERT INTO feedback_history (feedback_id, at, actor, action, detail)
            SELECT id, ?, ?, ?, ? FROM erased""";

    /** What a run did, as the audit trail keeps it: how many, under which period; no feedback ids. */
    public record Run(UUID id, int erased, String retention, OffsetDateTime lastStepUpTo) {
    }

    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Duration retention;
    private final int batchSize;

    public PersonalDataErasure(DataSource dataSource, PersonalDataCipher cipher, AuditTrail audit,
                               @ConfigProperty(name = RetentionPeriod.PROPERTY, defaultValue = "P365D") Duration retention,
                               @ConfigProperty(name = "feedback.personal-data.erasure.batch-size", defaultValue = "500")
                               int batchSize) {
        this.dataSource = dataSource;
        this.cipher = cipher;
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

    /** One batch in one transaction: the rows it picked stay locked until their texts and details are written. */
    private int eraseBatch(OffsetDateTime upTo, OffsetDateTime at, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<String> ids = new ArrayList<>();
                List<String> texts = new ArrayList<>();
                try (PreparedStatement due = connection.prepareStatement(DUE)) {
                    due.setObject(1, upTo);
                    due.setInt(2, batchSize);
                    try (ResultSet rows = due.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getString(1));
                            texts.add(Masks.contactsIn(rows.getString(2), submitter(rows)));
                        }
                    }
                }
                return ids.isEmpty() ? 0 : erase(connection, ids, texts, at, detail);
            } catch (SQLException e) {
                throw new IllegalStateException("a batch of the personal data erasure failed", e);
            }
        });
    }

    /** The details as the staff view opens them; none when a value does not open (only the patterns mask then). */
    private Submitter submitter(ResultSet row) throws SQLException {
        String id = row.getString(1);
        try {
            return new Submitter(cipher.open("name", row.getBytes(3)), cipher.open("phone", row.getBytes(4)),
                    cipher.open("email", row.getBytes(5)), cipher.open("address", row.getBytes(6)));
        } catch (IllegalStateException e) {
            // The exception names the column and the key id, never the value.
            LOG.warnf("personal data erasure: feedback %s's details do not open, its text is masked by the patterns "
                    + "only: %s", id, e.getMessage());
            return Submitter.ANONYMOUS;
        }
    }

    private static int erase(Connection connection, List<String> ids, List<String> texts, OffsetDateTime at,
                             String detail) throws SQLException {
        try (PreparedStatement erase = connection.prepareStatement(ERASE)) {
            erase.setObject(1, at);
            ArrayParameters.text(erase, 2, ids);
            ArrayParameters.text(erase, 3, texts);
            erase.setObject(4, at);
            erase.setString(5, ACTOR);
            erase.setString(6, HISTORY_ACTION);
            erase.setString(7, detail);
            return erase.executeUpdate();
        }
    }

    private RetentionPeriod period() {
        return new RetentionPeriod(retention);
    }
}
