package io.rectification.feedback.intake;

import io.rectification.platform.problem.ProblemException;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-client limits on the public endpoints: at most N requests in a period that starts with the
 * client's first request. Kept in memory: each instance
 * limits on its own, so N instances allow N times the limit (acceptable for abuse control;
 * a shared store can come when there are several instances).
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

    private record Bucket(long periodStart, AtomicInteger count) {
    }

    private final Limits limits;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Limits limits) {
        this.limits = limits;
    }

    /** Counts one request by {@code client}; beyond the limit throws 429 with Retry-After. */
    public void acquire(Kind kind, String client, Language language) {
        long periodMillis = limits.period().toMillis();
        long now = System.currentTimeMillis();
        int limit = kind == Kind.SUBMISSION ? limits.submissions() : limits.lookups();
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(b -> now - b.periodStart() >= periodMillis);
        }
        // A client's period starts with its first request, so a burst is never split by a clock boundary.
        Bucket bucket = buckets.compute(kind + "|" + client, (key, existing) ->
                existing == null || now - existing.periodStart() >= periodMillis
                        ? new Bucket(now, new AtomicInteger()) : existing);
        long periodStart = bucket.periodStart();
        if (bucket.count().incrementAndGet() > limit) {
            long retryAfter = Math.max(1, (periodStart + periodMillis - now + 999) / 1000);
            throw new TooManyRequests(retryAfter, Messages.get(language, "rate.title"),
                    Messages.get(language, "rate.detail", retryAfter));
        }
    }
}
