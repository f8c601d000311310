package io.rectification.reporting.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A daemon thread that runs a metrics refresh now and then every period, until stopped. */
final class PeriodicRefresh {

    private final ScheduledExecutorService executor;

    private PeriodicRefresh(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static PeriodicRefresh start(String threadName, Duration period, Runnable refresh) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicRefresh(executor);
    }

    void stop() {
        executor.shutdownNow();
    }
}
