package io.rectification.platform.time;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that runs a task at once and then every period (from the end of one run to the
 * start of the next), until stopped: the services' gauges counted apart from requests, and the
 * idle heap's look.
 */
public final class PeriodicRefresh {

    private final ScheduledExecutorService executor;

    private PeriodicRefresh(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public static PeriodicRefresh start(String threadName, Duration period, Runnable refresh) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicRefresh(executor);
    }

    public void stop() {
        executor.shutdownNow();
    }
}
