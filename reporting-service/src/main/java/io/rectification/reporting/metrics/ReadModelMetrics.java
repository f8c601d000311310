package io.rectification.reporting.metrics;

import io.rectification.platform.contract.TaskStates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's headline figures as Prometheus gauges (all inspections): tasks by state, overdue
 * tasks as of today, feedback received and answered. They are recounted from the read models on a
 * fixed period rather than on each scrape, so a scrape never waits on the database.
 */
@ApplicationScoped
public class ReadModelMetrics {

    private static final Logger LOG = Logger.getLogger(ReadModelMetrics.class);

    private final Sql sql;
    private final MeterRegistry registry;
    private final ReportingConfig config;
    private final Duration period;
    private final Map<String, AtomicLong> tasksByState = new ConcurrentHashMap<>();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong feedbackReceived = new AtomicLong();
    private final AtomicLong feedbackAnswered = new AtomicLong();
    private PeriodicRefresh refreshing;

    public ReadModelMetrics(Sql sql, MeterRegistry registry, ReportingConfig config,
                            @ConfigProperty(name = "reporting.metrics.period", defaultValue = "15s") Duration period) {
        this.sql = sql;
        this.registry = registry;
        this.config = config;
        this.period = period;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("rectification.tasks.overdue", overdue, AtomicLong::get)
                .description("Tasks past their deadline and not closed out, as of today").register(registry);
        Gauge.builder("rectification.feedback.received", feedbackReceived, AtomicLong::get)
                .description("Public feedback received").register(registry);
        Gauge.builder("rectification.feedback.answered", feedbackAnswered, AtomicLong::get)
                .description("Public feedback answered").register(registry);
        refreshing = PeriodicRefresh.start("read-model-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    void refresh() {
        try {
            Map<String, Long> counts = new ConcurrentHashMap<>();
            sql.query("SELECT coalesce(state, 'UNKNOWN'), count(*) FROM rm_task GROUP BY 1",
                    row -> counts.put(row.getString(1), row.getLong(2)));
            tasksByState.keySet().forEach(state -> counts.putIfAbsent(state, 0L));
            counts.forEach((state, count) -> tasksByState.computeIfAbsent(state, this::registerState).set(count));
            overdue.set(sql.one("SELECT count(*) FROM rm_task WHERE deadline < ?"
                            + " AND NOT " + TaskStates.closedSql("coalesce(state, '')"),
                    row -> row.getLong(1), config.today()));
            sql.one("SELECT count(*), count(answered_at) FROM rm_feedback", row -> {
                feedbackReceived.set(row.getLong(1));
                feedbackAnswered.set(row.getLong(2));
                return null;
            });
        } catch (RuntimeException e) {
            // The database may be away for a moment; the gauges keep their last values until the next round.
            LOG.debugf("metrics not refreshed: %s", e.getMessage());
        }
    }

    private AtomicLong registerState(String state) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("rectification.tasks", value, AtomicLong::get).tag("state", state)
                .description("Rectification tasks by state").register(registry);
        return value;
    }
}
