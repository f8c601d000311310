package io.rectification.feedback.intake;

import io.rectification.feedback.personal.PersonalDataCipher;
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
 * counted in its own short transaction; submissions are counted by the intake's batch, all of its
 * clients in one statement (a refused submission still counts).
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

    /**
     * Adds each client's hits, or starts a new period for a client whose last one is over. Clients
     * in key order, so two instances counting overlapping clients lock the rows in the same order.
     */
    private static final String COUNT = """
            INSERT INTO rate_limit AS r (kind, client_key, period_start, hits)
            SELECT ?, c.client_key, clock_timestamp(), c.hits FROM unnest(?::text[], ?::int[]) AS c(client_key, hits)
            ORDER BY c.client_key
            ON CONFLICT (kind, client_key) DO UPDATE SET
                period_start = CASE WHEN r.period_start <= clock_timestamp() - ? * interval '1 millisecond'
                                    THEN excluded.period_start ELSE r.period_start END,
                hits = CASE WHEN r.period_start <= clock_timestamp() - ? * interval '1 millisecond'
                            THEN excluded.hits ELSE r.hits + excluded.hits END
            RETURNING client_key, hits, EXTRACT(EPOCH FROM (period_start + ? * interval '1 millisecond' - clock_timestamp()))""";

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
        return cipher.pseudonym("client", client);
    }

    /**
     * The pseudonym an authenticated integration client (its api_key's subject) is counted under,
     * whatever address it comes from: in a context of its own, so no address (nor a forged
     * X-Forwarded-For) can ever be counted as that client.
     */
    public String integrationClientKey(String apiClient) {
        return cipher.pseudonym("integration-client", apiClient);
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
        long periodMillis = limits.period().toMillis();
        TreeMap<String, Integer> ordered = new TreeMap<>(hitsByClientKey);
        Map<String, Count> counts = new HashMap<>();
        try (PreparedStatement count = connection.prepareStatement(COUNT)) {
            count.setString(1, kind.name());
            count.setArray(2, connection.createArrayOf("text", ordered.keySet().toArray()));
            count.setArray(3, connection.createArrayOf("int4", ordered.values().toArray()));
            count.setLong(4, periodMillis);
            count.setLong(5, periodMillis);
            count.setLong(6, periodMillis);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), new Count(rows.getInt(2), rows.getDouble(3)));
                }
            }
        }
        sweepNowAndThen(connection, periodMillis);
        return counts;
    }

    /** Once a period per instance, the counters of periods that are over are removed. */
    private void sweepNowAndThen(Connection connection, long periodMillis) throws SQLException {
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
