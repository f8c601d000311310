package io.rectification.platform.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The keys of requests sent with an {@code Idempotency-Key} ({@code idempotent_request}, platform
 * migration V0_7), with the answers of those that were answered.
 *
 * <p>Each statement runs on a connection of its own outside any transaction, so it commits at once:
 * a claim is seen by a concurrent retry before its request runs, and the answer is kept once the
 * request's own transaction has committed (response filters run after it).
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long a key names its request: a retry later than this is a new request (docs/security.md). */
    public static final Duration EXPIRES_AFTER = Duration.ofHours(24);
    /**
     * A claim not answered for this long belongs to an instance that stopped while the request ran: the
     * longest requests (a plan import) take seconds, and the gateway gives up on an answer after 60 s
     * (nginx's proxy_read_timeout).
     */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    static final Duration REMOVAL_PERIOD = Duration.ofHours(1);
    /** A released claim between a retry's insert and its read: the retry claims again, a few times at most. */
    private static final int ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);

    static final String CLAIM = """
            INSERT INTO idempotent_request (principal, method, path, idempotency_key, fingerprint, state, created_at)
            VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?)
            ON CONFLICT (principal, method, path, idempotency_key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, state = 'IN_PROGRESS', created_at = EXCLUDED.created_at,
                    status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL
                WHERE idempotent_request.created_at <= ?
            RETURNING 1""";
    static final String FIND = """
            SELECT fingerprint, state, created_at, status, content_type, location, etag, body FROM idempotent_request
            WHERE principal = ? AND method = ? AND path = ? AND idempotency_key = ?""";
    static final String KEEP = """
            UPDATE idempotent_request SET state = 'DONE', status = ?, content_type = ?, location = ?, etag = ?, body = ?
            WHERE principal = ? AND method = ? AND path = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'""";
    static final String RELEASE = """
            DELETE FROM idempotent_request
            WHERE principal = ? AND method = ? AND path = ? AND idempotency_key = ? AND state = 'IN_PROGRESS'""";
    static final String REMOVE_EXPIRED = "DELETE FROM idempotent_request WHERE created_at <= ?";

    private final DataSource dataSource;
    private final Clock clock;
    private PeriodicRefresh removal;

    public IdempotencyKeys(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        removal = PeriodicRefresh.start("idempotency-key-expiry", REMOVAL_PERIOD, this::removeExpiredQuietly);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (removal != null) {
            removal.stop();
        }
    }

    /**
     * Claims the key for the request with this fingerprint, or tells what became of the first request
     * with it. An expired key is claimed as a free one, whether or not the hourly removal has come by.
     */
    public Claim claim(KeyScope scope, String fingerprint) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (claimed(connection, scope, fingerprint, now)) {
                    return new Claim.Claimed();
                }
                Claim found = find(connection, scope, fingerprint, now);
                if (found != null) {
                    return found;
                }
            }
            return new Claim.Running(); // claimed and released over and over: certainly in use
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Keeps the answer to the claimed request: a retry gets it from now on. */
    public void keep(KeyScope scope, StoredAnswer answer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement keep = connection.prepareStatement(KEEP)) {
            keep.setInt(1, answer.status());
            keep.setString(2, answer.contentType());
            keep.setString(3, answer.location());
            keep.setString(4, answer.etag());
            keep.setBytes(5, answer.body());
            bindScope(keep, 6, scope);
            keep.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Gives the key up: the request failed without effect (5xx, or 429), so a retry runs it again. */
    public void release(KeyScope scope) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            bindScope(release, 1, scope);
            release.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Removes the keys older than {@link #EXPIRES_AFTER}; returns how many. */
    public int removeExpired() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement remove = connection.prepareStatement(REMOVE_EXPIRED)) {
            remove.setTimestamp(1, Timestamp.from(clock.instant().minus(EXPIRES_AFTER)));
            return remove.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void removeExpiredQuietly() {
        try {
            removeExpired();
        } catch (RuntimeException e) {
            // the database away: the next hour removes them; an expired key is claimed as free meanwhile
            LOG.debugf("expired idempotency keys not removed: %s", e.getMessage());
        }
    }

    private static boolean claimed(Connection connection, KeyScope scope, String fingerprint, Instant now)
            throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            bindScope(claim, 1, scope);
            claim.setString(5, fingerprint);
            claim.setTimestamp(6, Timestamp.from(now));
            claim.setTimestamp(7, Timestamp.from(now.minus(EXPIRES_AFTER)));
            try (ResultSet rows = claim.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** What the first request with the key left; null when it was released meanwhile. */
    private static Claim find(Connection connection, KeyScope scope, String fingerprint, Instant now)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            bindScope(find, 1, scope);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (!row.getString("fingerprint").equals(fingerprint)) {
                    return new Claim.OtherRequest();
                }
                Instant since = row.getTimestamp("created_at").toInstant();
                if (row.getString("state").equals("IN_PROGRESS")) {
                    return since.plus(ABANDONED_AFTER).isAfter(now) ? new Claim.Running() : new Claim.Abandoned(since);
                }
                return new Claim.Answered(new StoredAnswer(row.getInt("status"), row.getString("content_type"),
                        row.getString("location"), row.getString("etag"), row.getBytes("body")));
            }
        }
    }

    private static void bindScope(PreparedStatement statement, int first, KeyScope scope) throws SQLException {
        statement.setString(first, scope.principal());
        statement.setString(first + 1, scope.method());
        statement.setString(first + 2, scope.path());
        statement.setString(first + 3, scope.key());
    }
}
