package io.rectification.feedback.personal;

import io.rectification.platform.error.ApiException;
import io.rectification.platform.time.InstantText;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rekey runs as table {@code personal_data_rekey} (V11) keeps them, so that every instance tells
 * the same and a restart forgets none: the rows a run moved onto the current key so far, and those it
 * left (for now, or for the operator to look at). RUNNING until every batch is done (DONE) or one
 * failed (FAILED, the reason in {@code detail}); the batches committed before stay done, and a new run
 * goes on from there. The instance running a run adds each batch's counts, with its heartbeat, in the
 * batch's own transaction; a RUNNING run whose heartbeat is older than
 * {@code feedback.personal-data.rekey.stale-after} lost its instance: it is told FAILED, and recorded
 * so when the next run starts. At most one run is RUNNING (a unique index), which is what keeps two
 * instances from running at once.
 */
@ApplicationScoped
public class RekeyProgress {

    public enum State { RUNNING, DONE, FAILED }

    static final String INTERRUPTED = "the instance running it stopped; the batches it committed stay done, "
            + "a new run goes on from there";

    @Schema(name = "PersonalDataRekeyStatus", requiredProperties = {"id", "state", "startedBy", "startedAt", "heartbeatAt",
            "toKeyId", "fromKeyIds", "rowsToRekey", "rowsDone", "rekeyed", "withinWindow", "changedMeanwhile", "unopened"},
            description = "rowsDone: rows the run has read so far, of rowsToRekey counted when it started; rekeyed: rows "
                    + "re-sealed under toKeyId (their pseudonyms cleared); withinWindow: rows left under their key because "
                    + "their pseudonyms are still matched by the duplicate window (run again after runAgainAfter); "
                    + "changedMeanwhile: rows another run moved first; unopened: rows no key of the keyring opens (left as "
                    + "they are; their feedback ids are in the log). heartbeatAt: when the instance running it last "
                    + "recorded a batch; a RUNNING run silent for feedback.personal-data.rekey.stale-after (30 s) is told "
                    + "FAILED (its instance stopped).")
    public record Status(UUID id, State state, String startedBy, Instant startedAt, Instant heartbeatAt,
                         Instant finishedAt, String toKeyId, List<String> fromKeyIds, long rowsToRekey, long rowsDone,
                         long rekeyed, long withinWindow, long changedMeanwhile, long unopened, Instant runAgainAfter,
                         String detail) {
    }

    private static final String COLUMNS = "id, state, started_by, started_at, heartbeat_at, finished_at, to_key_id, "
            + "from_key_ids, rows_to_rekey, rekeyed, within_window, changed_meanwhile, unopened, run_again_after, detail";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration staleAfter;
    private final InstantText instants;

    public RekeyProgress(DataSource dataSource, Clock clock,
                         @ConfigProperty(name = "feedback.personal-data.rekey.stale-after", defaultValue = "30s")
                         Duration staleAfter, InstantText instants) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.instants = instants;
    }

    /** The latest run started, on whichever instance. */
    public Optional<Status> latest() {
        return one("SELECT " + COLUMNS + " FROM personal_data_rekey ORDER BY seq DESC LIMIT 1");
    }

    /** The run going now, on whichever instance; none when it lost its instance. */
    Optional<Status> running() {
        return one("SELECT " + COLUMNS + " FROM personal_data_rekey WHERE state = 'RUNNING'")
                .filter(status -> status.state() == State.RUNNING);
    }

    /**
     * Records a run as RUNNING: a run whose instance stopped is recorded FAILED first; refused (409,
     * naming the run going and its progress) while another one is RUNNING on any instance. Two claims at
     * once meet on the unique index, and one of them wins.
     */
    void begin(PersonalDataRekey.Started started, String actor) {
        OffsetDateTime now = now();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement stale = connection.prepareStatement("UPDATE personal_data_rekey SET state = 'FAILED', "
                    + "finished_at = heartbeat_at, detail = ? WHERE state = 'RUNNING' AND heartbeat_at < ?")) {
                stale.setString(1, INTERRUPTED);
                stale.setObject(2, now.minus(staleAfter));
                stale.executeUpdate();
            }
            try (PreparedStatement claim = connection.prepareStatement("""
                    INSERT INTO personal_data_rekey (id, state, started_by, started_at, heartbeat_at, to_key_id,
                                                     from_key_ids, rows_to_rekey)
                    VALUES (?, 'RUNNING', ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ((true)) WHERE state = 'RUNNING' DO NOTHING""")) {
                claim.setObject(1, started.id());
                claim.setString(2, actor);
                claim.setObject(3, now);
                claim.setObject(4, now);
                claim.setString(5, started.toKeyId());
                claim.setArray(6, connection.createArrayOf("text", started.fromKeyIds().toArray()));
                claim.setLong(7, started.rowsToRekey());
                if (claim.executeUpdate() == 1) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the rekey run could not be recorded", e);
        }
        // another instance claimed one a moment ago; its heartbeat may have just gone stale too
        throw running().map(this::stillGoing)
                .orElseGet(() -> ApiException.conflict("another rekey run was just starting; try again"));
    }

    /**
     * One batch of the run done, written in the batch's transaction ({@code connection}) with the
     * heartbeat. False when the run is no longer RUNNING: the next run recorded it as stopped (its
     * heartbeat went stale) and may be going; this one must stop, and its batch roll back.
     */
    boolean add(Connection connection, UUID id, PersonalDataRekey.Batch batch) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE personal_data_rekey SET rekeyed = rekeyed + ?, within_window = within_window + ?,
                       changed_meanwhile = changed_meanwhile + ?, unopened = unopened + ?,
                       run_again_after = greatest(run_again_after, ?), heartbeat_at = ?
                WHERE id = ? AND state = 'RUNNING'""")) {
            update.setLong(1, batch.rekeyed());
            update.setLong(2, batch.withinWindow());
            update.setLong(3, batch.changedMeanwhile());
            update.setLong(4, batch.unopened());
            update.setObject(5, batch.windowOverAt() == null ? null : batch.windowOverAt().atOffset(ZoneOffset.UTC));
            update.setObject(6, now());
            update.setObject(7, id);
            return update.executeUpdate() == 1;
        }
    }

    /** The run ended: DONE, or FAILED for {@code failure}; a run recorded as stopped meanwhile stays so. */
    void finished(UUID id, String failure) {
        OffsetDateTime now = now();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE personal_data_rekey SET state = ?, "
                     + "finished_at = ?, heartbeat_at = ?, detail = ? WHERE id = ? AND state = 'RUNNING'")) {
            update.setString(1, failure == null ? State.DONE.name() : State.FAILED.name());
            update.setObject(2, now);
            update.setObject(3, now);
            update.setString(4, failure);
            update.setObject(5, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the end of rekey run " + id + " could not be recorded", e);
        }
    }

    private ApiException stillGoing(Status running) {
        return ApiException.conflict("a rekey run started by " + running.startedBy() + " at "
                        + instants.format(running.startedAt()) + " is still going (" + running.rowsDone() + " of "
                        + running.rowsToRekey() + " rows done); follow it at GET /admin/personal-data/rekey")
                .with("rekey", running.id()).with("rowsDone", running.rowsDone())
                .with("rowsToRekey", running.rowsToRekey());
    }

    private Optional<Status> one(String query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(query);
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(status(row)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("the rekey runs could not be read", e);
        }
    }

    private Status status(ResultSet row) throws SQLException {
        State state = State.valueOf(row.getString("state"));
        Instant heartbeat = instant(row, "heartbeat_at");
        Instant finishedAt = instant(row, "finished_at");
        String detail = row.getString("detail");
        if (state == State.RUNNING && heartbeat.plus(staleAfter).isBefore(clock.instant())) {
            state = State.FAILED;
            finishedAt = heartbeat;
            detail = INTERRUPTED;
        }
        Array from = row.getArray("from_key_ids");
        long rekeyed = row.getLong("rekeyed");
        long withinWindow = row.getLong("within_window");
        long changedMeanwhile = row.getLong("changed_meanwhile");
        long unopened = row.getLong("unopened");
        return new Status(row.getObject("id", UUID.class), state, row.getString("started_by"),
                instant(row, "started_at"), heartbeat, finishedAt, row.getString("to_key_id"),
                List.of((String[]) from.getArray()), row.getLong("rows_to_rekey"),
                rekeyed + withinWindow + changedMeanwhile + unopened, rekeyed, withinWindow, changedMeanwhile, unopened,
                instant(row, "run_again_after"), detail);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
