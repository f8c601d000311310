package io.rectification.feedback.personal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.rectification.platform.audit.AuditTrail;
import io.rectification.platform.jdbc.ArrayParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Moves the stored personal data off the previous keys, so that they can be removed: every row under
 * a key other than the current one has its sealed values opened and sealed again under the current
 * key, and its pseudonyms (client_key, submission_key_hash) cleared, since their plaintext is not
 * kept and they cannot be computed again; a pseudonym is matched only within the duplicate window
 * ({@code feedback.public.duplicate-window}), so a row whose pseudonyms are still within it is left
 * for a later run (the status says when). Started by the operator (POST /admin/personal-data/rekey),
 * it runs in the background in batches of {@code feedback.personal-data.rekey.batch-size} rows, each
 * its own transaction, by key and in id order.
 *
 * <p>Safe beside the running service: new rows are written under the current key and never read
 * here; a staff step never writes these columns (Feedback maps them {@code updatable = false}); each
 * row is written only if it is still under the key it was read under (an optimistic check on
 * {@code personal_key_id}), so two runs never undo each other, and one runs at a time across the
 * instances ({@link RekeyProgress}: the run's record in the database is its claim, its progress and
 * its heartbeat). Resumable and idempotent: a run takes whatever is still under another key, so a run
 * that stopped (a restart, a failed batch) is finished by the next. Nothing of the data goes to the
 * log: feedback ids and counts.
 */
@ApplicationScoped
public class PersonalDataRekey {

    private static final Logger LOG = Logger.getLogger(PersonalDataRekey.class);

    /** The audit trail's entity type of a run; its id is the run's. */
    public static final String AUDIT_ENTITY = "PersonalDataRekey";

    /** Before every uuid in PostgreSQL's order: where each key's batches start. */
    static final String FIRST = "00000000-0000-0000-0000-000000000000";

    private static final String READ = """
            SELECT id, name_sealed, phone_sealed, email_sealed, address_sealed, received_at,
                   (client_key IS NOT NULL OR submission_key_hash IS NOT NULL) AND received_at >= ? AS within_window
            FROM feedback WHERE personal_key_id = ? AND id > ?::uuid ORDER BY id LIMIT ?""";
    /** A row that holds no sealed value once its pseudonyms are cleared is under no key any more. */
    private static final String WRITE = """
            UPDATE feedback f SET name_sealed = u.name_sealed, phone_sealed = u.phone_sealed,
                   email_sealed = u.email_sealed, address_sealed = u.address_sealed,
                   client_key = NULL, submission_key_hash = NULL,
                   personal_key_id = CASE WHEN num_nonnulls(u.name_sealed, u.phone_sealed, u.email_sealed,
                                                            u.address_sealed) > 0 THEN ? END
            FROM unnest(?::uuid[], ?::bytea[], ?::bytea[], ?::bytea[], ?::bytea[])
                AS u(id, name_sealed, phone_sealed, email_sealed, address_sealed)
            WHERE f.id = u.id AND f.personal_key_id = ?""";

    /** What a run was started to do: the rows under each key but the current one, when it started. */
    @Schema(name = "PersonalDataRekeyStarted", requiredProperties = {"id", "toKeyId", "fromKeyIds", "rowsToRekey"})
    public record Started(UUID id, String toKeyId, List<String> fromKeyIds, long rowsToRekey) {
    }

    /**
     * One batch, committed: the rows read, and what became of them; {@code windowOverAt}, when some
     * were left within the window, is when the last of them leaves it; {@code last} the last id read.
     */
    record Batch(int read, int rekeyed, int withinWindow, int changedMeanwhile, int unopened, Instant windowOverAt,
                 String last) {
    }

    private final PersonalDataCipher cipher;
    private final StoredKeys storedKeys;
    private final RekeyProgress progress;
    private final AuditTrail audit;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration duplicateWindow;
    private final int batchSize;
    private final ExecutorService running = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "personal-data-rekey");
        thread.setDaemon(true);
        return thread;
    });

    public PersonalDataRekey(PersonalDataCipher cipher, StoredKeys storedKeys, RekeyProgress progress, AuditTrail audit,
                             DataSource dataSource, Clock clock,
                             @ConfigProperty(name = "feedback.public.duplicate-window", defaultValue = "PT30M")
                             Duration duplicateWindow,
                             @ConfigProperty(name = "feedback.personal-data.rekey.batch-size", defaultValue = "300")
                             int batchSize) {
        this.cipher = cipher;
        this.storedKeys = storedKeys;
        this.progress = progress;
        this.audit = audit;
        this.dataSource = dataSource;
        this.clock = clock;
        this.duplicateWindow = duplicateWindow;
        this.batchSize = batchSize;
    }

    /**
     * Starts a run in the background, recorded on the audit trail; one at a time across the instances
     * (the run's record is the claim, {@link RekeyProgress#begin}: 409 while another one goes).
     */
    public Started start(String actor) {
        String to = cipher.currentKeyId();
        Map<String, Long> under = storedKeys.rowsUnderKeysOtherThan(to);
        Started started = new Started(UUID.randomUUID(), to, List.copyOf(under.keySet()),
                under.values().stream().mapToLong(Long::longValue).sum());
        progress.begin(started, actor);
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    audit.recordChange(actor, "PersonalDataRekeyStarted", AUDIT_ENTITY, started.id().toString(), started));
            running.submit(() -> run(started));
        } catch (RuntimeException e) {
            progress.finished(started.id(), "not started: " + e.getMessage());
            throw e;
        }
        LOG.infof("personal data rekey %s started by %s: %d rows under keys %s go to key '%s'", started.id(), actor,
                started.rowsToRekey(), started.fromKeyIds(), to);
        return started;
    }

    private void run(Started started) {
        try {
            for (String from : started.fromKeyIds()) {
                String after = FIRST;
                while (after != null) {
                    Batch batch = rekeyBatch(started.id(), from, after, batchSize);
                    after = batch.read() < batchSize ? null : batch.last();
                }
            }
            progress.finished(started.id(), null);
            LOG.infof("personal data rekey %s done: %s", started.id(), progress.latest().orElseThrow());
        } catch (RuntimeException e) {
            if (e instanceof RunStopped || e.getCause() instanceof RunStopped) {
                LOG.warnf("personal data rekey %s stopped: it was recorded as interrupted (no heartbeat for longer "
                        + "than feedback.personal-data.rekey.stale-after), and a new run goes on from here", started.id());
                return;
            }
            progress.finished(started.id(), "stopped; the batches before stay done, a new run goes on from there: "
                    + e.getMessage());
            LOG.errorf(e, "personal data rekey %s stopped; the batches before it stay done", started.id());
        }
    }

    /** As a run's batch, without a run to record it on (tests: the batches on their own). */
    Batch rekeyBatch(String from, String after, int size) {
        return rekeyBatch(null, from, after, size);
    }

    /**
     * Re-seals, in one transaction, up to {@code size} rows under the key {@code from} that come
     * after the id {@code after}, and adds what became of them to run {@code run}'s record (its
     * heartbeat) in the same transaction, so the record counts exactly the batches committed.
     */
    private Batch rekeyBatch(UUID run, String from, String after, int size) {
        Instant windowStart = clock.instant().minus(duplicateWindow);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Batch batch = rekeyBatch(connection, from, after, size, windowStart);
                if (run != null && !progress.add(connection, run, batch)) {
                    throw new RunStopped(); // rolls the batch back: the next run (maybe going now) takes these rows
                }
                return batch;
            }
        });
    }

    private Batch rekeyBatch(Connection connection, String from, String after, int size, Instant windowStart)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        List<byte[][]> resealed = new ArrayList<>();
        int read = 0;
        int withinWindow = 0;
        int unopened = 0;
        Instant windowOverAt = null;
        String last = after;
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setObject(1, OffsetDateTime.ofInstant(windowStart, java.time.ZoneOffset.UTC));
            query.setString(2, from);
            query.setString(3, after);
            query.setInt(4, size);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read++;
                    last = rows.getString(1);
                    if (rows.getBoolean(7)) {
                        withinWindow++;
                        Instant over = rows.getObject(6, OffsetDateTime.class).toInstant().plus(duplicateWindow);
                        windowOverAt = windowOverAt == null || over.isAfter(windowOverAt) ? over : windowOverAt;
                        continue;
                    }
                    byte[][] values = resealed(rows, last);
                    if (values == null) {
                        unopened++;
                        continue;
                    }
                    ids.add(last);
                    resealed.add(values);
                }
            }
        }
        int rekeyed = ids.isEmpty() ? 0 : write(connection, from, ids, resealed);
        return new Batch(read, rekeyed, withinWindow, ids.size() - rekeyed, unopened, windowOverAt, last);
    }

    /** The row's sealed values sealed again under the current key; null when one does not open. */
    private byte[][] resealed(ResultSet row, String id) throws SQLException {
        byte[][] values = new byte[StoredKeys.COLUMNS.size()][];
        for (int i = 0; i < values.length; i++) {
            String column = StoredKeys.COLUMNS.get(i);
            byte[] sealed = row.getBytes(2 + i);
            try {
                values[i] = cipher.seal(column, cipher.open(column, sealed));
            } catch (IllegalStateException e) {
                // The exception names the column and the key id, never the value.
                LOG.warnf("personal data rekey: feedback %s left under its key: %s", id, e.getMessage());
                return null;
            }
        }
        return values;
    }

    private int write(Connection connection, String from, List<String> ids, List<byte[][]> resealed)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(WRITE)) {
            update.setString(1, cipher.currentKeyId());
            ArrayParameters.text(update, 2, ids);
            for (int c = 0; c < StoredKeys.COLUMNS.size(); c++) {
                byte[][] column = new byte[ids.size()][];
                for (int r = 0; r < column.length; r++) {
                    column[r] = resealed.get(r)[c];
                }
                ArrayParameters.bytes(update, 3 + c, column);
            }
            update.setString(3 + StoredKeys.COLUMNS.size(), from);
            return update.executeUpdate();
        }
    }

    /** The run's record is no longer RUNNING: it was recorded as interrupted, and another run may have started. */
    private static final class RunStopped extends RuntimeException {
        RunStopped() {
            super(null, null, false, false);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running.shutdownNow();
    }
}
