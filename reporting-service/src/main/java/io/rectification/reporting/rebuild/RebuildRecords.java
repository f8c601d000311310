package io.rectification.reporting.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectification.platform.error.ApiException;
import io.rectification.platform.time.InstantText;
import io.rectification.reporting.rebuild.RebuildProgress.State;
import io.rectification.reporting.rebuild.RebuildProgress.Status;
import io.rectification.reporting.rebuild.RebuildProgress.TopicProgress;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rebuilds as table {@code read_model_rebuild} (V28) keeps them, so that every instance tells
 * the same and a restart forgets none. The instance replaying a run writes its progress and
 * heartbeat there; a RUNNING run whose heartbeat is older than {@code reporting.rebuild.stale-after}
 * lost its instance, and with it the replay's transaction (rolled back): it is told as FAILED, and
 * recorded so when the next rebuild starts. At most one run is RUNNING (a unique index), which is
 * what keeps two instances from replaying at once.
 */
@ApplicationScoped
public class RebuildRecords {

    static final String INTERRUPTED = "the instance replaying it stopped; the read models are those from before the rebuild";

    private static final TypeReference<List<TopicProgress>> TOPICS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, state, started_by, started_at, finished_at, detail, topics, heartbeat_at";

    private final Sql sql;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration staleAfter;
    private final InstantText instants;

    public RebuildRecords(Sql sql, ObjectMapper json, Clock clock,
                          @ConfigProperty(name = "reporting.rebuild.stale-after", defaultValue = "30s") Duration staleAfter,
                          InstantText instants) {
        this.instants = instants;
        this.sql = sql;
        this.json = json;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** The latest run started, on whichever instance. */
    public Optional<Status> latest() {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + " FROM read_model_rebuild ORDER BY seq DESC LIMIT 1",
                this::status));
    }

    /** The run replaying now, on whichever instance; none when it lost its instance. */
    public Optional<Status> running() {
        return Optional.ofNullable(sql.one("SELECT " + COLUMNS + " FROM read_model_rebuild WHERE state = 'RUNNING'",
                this::status)).filter(status -> status.state() == State.RUNNING);
    }

    /** Records a run as RUNNING, refused (409) while another one is. */
    public void begin(UUID id, String actor, List<TopicProgress> topics) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        sql.update("UPDATE read_model_rebuild SET state = 'FAILED', finished_at = heartbeat_at, detail = ? "
                + "WHERE state = 'RUNNING' AND heartbeat_at < ?", INTERRUPTED, now.minus(staleAfter));
        int claimed = sql.update("""
                INSERT INTO read_model_rebuild (id, state, started_by, started_at, topics, heartbeat_at)
                VALUES (?, 'RUNNING', ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT ((true)) WHERE state = 'RUNNING' DO NOTHING""", id, actor, now, text(topics), now);
        if (claimed == 0) {
            // another instance claimed one a moment ago; its heartbeat may have just gone stale too
            throw running().map(this::stillReplaying)
                    .orElseGet(() -> ApiException.conflict("another rebuild was just starting; try again"));
        }
    }

    /** The progress of a RUNNING run, and that its instance is alive. */
    public void progressed(UUID id, List<TopicProgress> topics) {
        sql.update("UPDATE read_model_rebuild SET topics = CAST(? AS jsonb), heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'",
                text(topics), OffsetDateTime.now(clock), id);
    }

    /**
     * Written in the replay's transaction: DONE exactly when its work commits, whatever was
     * recorded meanwhile.
     */
    public void done(UUID id, List<TopicProgress> topics) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        sql.update("UPDATE read_model_rebuild SET state = 'DONE', finished_at = ?, detail = NULL, topics = CAST(? AS jsonb), "
                + "heartbeat_at = ? WHERE id = ?", now, text(topics), now, id);
    }

    /** After the replay's transaction rolled back (or never ended); a run recorded DONE committed and stays so. */
    public void failed(UUID id, String detail, List<TopicProgress> topics) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        sql.update("UPDATE read_model_rebuild SET state = 'FAILED', finished_at = ?, detail = ?, topics = CAST(? AS jsonb), "
                + "heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'", now, detail, text(topics), now, id);
    }

    ApiException stillReplaying(Status running) {
        return ApiException.conflict("a rebuild started by " + running.startedBy() + " at "
                + instants.format(running.startedAt())
                + " is still replaying; follow it at GET /admin/rebuild").with("rebuild", running.id());
    }

    private Status status(ResultSet row) throws SQLException {
        State state = State.valueOf(row.getString("state"));
        Instant finishedAt = instant(row, "finished_at");
        String detail = row.getString("detail");
        Instant heartbeat = instant(row, "heartbeat_at");
        if (state == State.RUNNING && heartbeat.plus(staleAfter).isBefore(clock.instant())) {
            state = State.FAILED;
            finishedAt = heartbeat;
            detail = INTERRUPTED;
        }
        return new Status(row.getObject("id", UUID.class), state, row.getString("started_by"),
                instant(row, "started_at"), finishedAt, detail, topics(row.getString("topics")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private List<TopicProgress> topics(String text) {
        try {
            return json.readValue(text, TOPICS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(List<TopicProgress> topics) {
        try {
            return json.writeValueAsString(topics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
