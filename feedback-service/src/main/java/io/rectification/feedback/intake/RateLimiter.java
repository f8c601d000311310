package io.rectification.feedback.intake;

import io.rectification.feedback.language.Language;
import io.rectification.feedback.language.Messages;
import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.feedback.personal.Pseudonym;
import io.rectification.platform.jdbc.ArrayParameters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client limits on the public endpoints: at most N requests in a period that starts with the
 * client's first request. The counters are in PostgreSQL, so the limit holds for the client
 * whichever instance its requests reach, on the database's clock so instances need not agree on
 * the time. Clients are counted by the HMAC pseudonym of their address, as elsewhere, except an
 * integration client with a valid api_key, counted by its name (so a NAT's web-form posts never
 * block a hotline system, and wrong keys count against their address). A lookup is
 * counted in its own short transaction; submissions are counted in the intake's batch query
 * ({@link #counting}), all of its clients at once (a refused submission still counts).
 */
@ApplicationScoped
public class RateLimiter {

    public enum Kind { SUBMISSION, LOOKUP }

    @ConfigMapping(prefix = "feedback.public.rate-limit")
    public interface Limits {
        @WithDefault("10")
        int submissions();

        @WithDefault("60")
        int lookups();

        @WithDefault("PT1M")
        Duration period();
    }

    /** A 429 that also carries Retry-After. */
    public static class TooManyRequests extends RetryLater {
        TooManyRequests(long retryAfterSeconds, Language language) {
            super(429, retryAfterSeconds, Messages.get(language, "rate.title"),
                    Messages.get(language, "rate.detail", retryAfterSeconds));
        }
    }

    /** A client's count after this statement: its hits in the current period, and the seconds left of it. */
    public record Count(int hits, double secondsLeft) {

        /** The refusal for the request that was hit number {@code hit} of the period, or null within the limit. */
        public TooManyRequests refusalOf(int hit, int limit, Language language) {
            return hit <= limit ? null : new TooManyRequests(Math.max(1, (long) Math.ceil(secondsLeft)), language);
        }
    }

    /** The pseudonyms' contexts: an address is never compared with a client's name. */
    private static final String CLIENT = "client";
    private static final String INTEGRATION_CLIENT = "integration-client";
    private static final String SWEEP = "DELETE FROM rate_limit WHERE period_start <= clock_timestamp() - ? * interval '1 millisecond'";

    private final Limits limits;
    private final DataSource dataSource;
    private final PersonalDataCipher cipher;
    private final AtomicLong lastSweep = new AtomicLong();

    public RateLimiter(Limits limits, DataSource dataSource, PersonalDataCipher cipher) {
        this.limits = limits;
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    /** The pseudonym a client is counted (and its submissions stored) under. */
    public String clientKey(String client) {
        return cipher.pseudonym(CLIENT, client);
    }

    /**
     * {@link #clientKey}, and the client's pseudonyms under the previous keys: what its earlier
     * submissions are looked up by. Its counts are not: a period is minutes, and the counters of a key
     * that stopped being current are forgotten within one (docs/security.md, "Rotating the
     * personal-data key").
     */
    public Pseudonym client(String client) {
        return cipher.pseudonyms(CLIENT, client);
    }

    /**
     * The pseudonyms an authenticated integration client (its api_key's subject) is counted and
     * looked up under, whatever address it comes from: in a context of its own, so no address (nor
     * a forged X-Forwarded-For) can ever be counted as that client.
     */
    public Pseudonym integrationClient(String apiClient) {
        return cipher.pseudonyms(INTEGRATION_CLIENT, apiClient);
    }

    public int limit(Kind kind) {
        return kind == Kind.SUBMISSION ? limits.submissions() : limits.lookups();
    }

    /** Counts one request by {@code client} in a transaction of its own; beyond the limit throws 429 with Retry-After. */
    public void acquire(Kind kind, String client, Language language) {
        String clientKey = clientKey(client);
        Count count;
        try (Connection connection = dataSource.getConnection()) {
            count = count(connection, kind, Map.of(clientKey, 1)).get(clientKey);
        } catch (SQLException e) {
            throw new IllegalStateException("the rate limit could not be counted", e);
        }
        TooManyRequests refusal = count.refusalOf(count.hits(), limit(kind), language);
        if (refusal != null) {
            throw refusal;
        }
    }

    /**
     * Adds {@code hitsByClientKey} to the clients' counters in one statement on the caller's
     * connection (and transaction); answers each client's count after it.
     */
    public Map<String, Count> count(Connection connection, Kind kind, Map<String, Integer> hitsByClientKey)
            throws SQLException {
        TreeMap<String, Integer> ordered = new TreeMap<>(hitsByClientKey);
        Map<String, Count> counts = new HashMap<>();
        try (PreparedStatement count = connection.prepareStatement(
                counting(kind, "unnest(?::text[], ?::int[]) AS c(client_key, hits)"))) {
            ArrayParameters.text(count, 1, ordered.keySet());
            ArrayParameters.integers(count, 2, ordered.values());
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Count(rows.getInt(2), rows.getDouble(3)));
                }
            }
        }
        sweepNowAndThen(connection);
        return counts;
    }

    /**
     * The statement that adds each client's hits from {@code hits} (a relation, with its alias, of
     * client_key and hits, one row per client), or starts a new period for a client whose last one
     * is over, and returns each client's count after it: client_key, hits, seconds_left. Clients in
     * key order, so two instances counting overlapping clients lock the rows in the same order.
     * The intake folds it into its batch's one query (as a CTE); the kind and the period, both
     * from configuration, are written into it.
     */
    public String counting(Kind kind, String hits) {
        return """
                INSERT INTO rate_limit AS r (kind, client_key, period_start, hits)
                SELECT '%1$s', c.client_key, clock_timestamp(), c.hits FROM %2$s ORDER BY c.client_key
                ON CONFLICT (kind, client_key) DO UPDATE SET
                    period_start = CASE WHEN r.period_start <= clock_timestamp() - %3$d * interval '1 millisecond'
                                        THEN excluded.period_start ELSE r.period_start END,
                    hits = CASE WHEN r.period_start <= clock_timestamp() - %3$d * interval '1 millisecond'
                                THEN excluded.hits ELSE r.hits + excluded.hits END
                RETURNING r.client_key, r.hits,
                          EXTRACT(EPOCH FROM (r.period_start + %3$d * interval '1 millisecond' - clock_timestamp()))
                              AS seconds_left""".formatted(kind.name(), hits, limits.period().toMillis());
    }

    /** Once a period per instance, the counters of periods that are over are removed (on the caller's connection). */
    public void sweepNowAndThen(Connection connection) throws SQLException {
        long periodMillis = limits.period().toMillis();
        long now = System.currentTimeMillis();
        long last = lastSweep.get();
        if (now - last < periodMillis || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement sweep = connection.prepareStatement(SWEEP)) {
            sweep.setLong(1, periodMillis);
            sweep.executeUpdate();
        }
    }
}
