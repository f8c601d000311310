package io.rectification.feedback.intake;

import io.rectification.feedback.personal.PersonalDataCipher;
import io.rectification.platform.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-client limits on the public endpoints: at most N requests in a period that starts with the
 * client's first request. The counters are in PostgreSQL, so the limit holds for the client
 * whichever instance its requests reach: one UPSERT per request, in its own short transaction
 * (a refused submission still counts), on the database's clock so instances need not agree on
 * the time. Clients are counted by the HMAC pseudonym of their address, as elsewhere.
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

    /** A 429 that also carries Retry-After (see {@link TooManyRequestsMapper}). */
    public static class TooManyRequests extends ProblemException {
        final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds, String title, String detail) {
            super(429, title, detail);
            this.retryAfterSeconds = retryAfterSeconds;
            with("retryAfterSeconds", retryAfterSeconds);
        }
    }

    /** Counts the request, or starts a new period when the client's last one is over. */
    private static final String COUNT = """
            INSERT INTO rate_limit AS r (kind, client_key, period_start, hits) VALUES (?, ?, clock_timestamp(), 1)
            ON CONFLICT (kind, client_key) DO UPDATE SET
                period_start = CASE WHEN r.period_start <= clock_timestamp() - ? * interval '1 millisecond'
                                    THEN excluded.period_start ELSE r.period_start END,
                hits = CASE WHEN r.period_start <= clock_timestamp() - ? * interval '1 millisecond'
                            THEN 1 ELSE r.hits + 1 END
            RETURNING hits, EXTRACT(EPOCH FROM (period_start + ? * interval '1 millisecond' - clock_timestamp()))""";

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

    /** Counts one request by {@code client}; beyond the limit throws 429 with Retry-After. */
    public void acquire(Kind kind, String client, Language language) {
        long periodMillis = limits.period().toMillis();
        int limit = kind == Kind.SUBMISSION ? limits.submissions() : limits.lookups();
        String clientKey = cipher.pseudonym("client", client);
        int hits;
        double secondsLeft;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                count.setString(1, kind.name());
                count.setString(2, clientKey);
                count.setLong(3, periodMillis);
                count.setLong(4, periodMillis);
                count.setLong(5, periodMillis);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    hits = row.getInt(1);
                    secondsLeft = row.getDouble(2);
                }
            }
            sweepNowAndThen(connection, periodMillis);
        } catch (SQLException e) {
            throw new IllegalStateException("the rate limit could not be counted", e);
        }
        if (hits > limit) {
            long retryAfter = Math.max(1, (long) Math.ceil(secondsLeft));
            throw new TooManyRequests(retryAfter, Messages.get(language, "rate.title"),
                    Messages.get(language, "rate.detail", retryAfter));
        }
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
