package io.rectification.reporting.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.rectification.reporting.readmodel.TaskChangeWaits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The reads held for a change of a task ({@code Prefer: wait}) as Prometheus gauges, per instance:
 * how many wait now (against {@code reporting.read-models.max-waiting}), and whether the instance
 * hears changes at all (0: its listening connection is down, so every read is answered at once and
 * clients fall back to polling).
 */
@ApplicationScoped
public class ReadModelWaitMetrics {

    private final TaskChangeWaits waits;
    private final MeterRegistry registry;

    public ReadModelWaitMetrics(TaskChangeWaits waits, MeterRegistry registry) {
        this.waits = waits;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("rectification.read.model.waiting", waits, TaskChangeWaits::waiting)
                .description("Reads of a task held until it changes (Prefer: wait)").register(registry);
        Gauge.builder("rectification.read.model.changes.heard", waits, w -> w.hearsChanges() ? 1 : 0)
                .description("1 while this instance hears the read models' changes (held reads possible)")
                .register(registry);
    }
}
