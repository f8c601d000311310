package io.rectification.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Timers of how old an event is when it reaches a stage of its way from a transaction to the
 * read models (published by the relay, received and applied by a consumer): histogram buckets
 * around the 25 ms a committed change may take to become visible, and the median and 99th
 * percentile over the last minute. Ages are measured between two clocks that are different
 * machines' in production, so a negative age (clock skew) counts as zero.
 */
final class EventAge {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private EventAge() {
    }

    static Timer timer(MeterRegistry meters, String name, String description, String... tags) {
        return Timer.builder(name).description(description).tags(tags)
                .serviceLevelObjectives(BUCKETS)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(1))
                .register(meters);
    }

    /** Records {@code now - since}, both in epoch milliseconds. */
    static void record(Timer timer, long sinceMillis, long nowMillis) {
        timer.record(Math.max(0, nowMillis - sinceMillis), TimeUnit.MILLISECONDS);
    }
}
