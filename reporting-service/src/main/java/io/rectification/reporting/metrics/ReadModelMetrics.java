package io.rectification.reporting.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.contract.TaskStates;
import io.rectification.platform.time.PeriodicRefresh;
import io.rectification.reporting.support.ReportingConfig;
import io.rectification.reporting.support.Sql;
import io.rectification.reporting.support.Standing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's headline figures as Prometheus gauges (all inspections): tasks by state and
 * responsible unit, overdue tasks by unit as of today, feedback received and answered. They are
 * recounted from the read models on a fixed period rather than on each scrape, so a scrape never
 * waits on the database.
 *
 * <p>Every reporting instance counts the same read models, so two replicas export the same
 * figures twice: queries take {@code max without (instance, pod)} before summing (the Grafana
 * dashboard and the alert rules do). A unit or state that no longer has tasks stays at 0 rather
 * than disappearing, so a graph falls to zero instead of stopping.
 */
@ApplicationScoped
public class ReadModelMetrics {

    private static final Logger LOG = Logger.getLogger(ReadModelMetrics.class);
    /** The unit label of tasks whose responsible unit is not set yet. */
    static final String NO_UNIT = "未指定";

    private final Sql sql;
    private final MeterRegistry registry;
    private final ReportingConfig config;
    private final Duration period;
    private final Map<List<String>, AtomicLong> tasks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();
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
            Map<List<String>, Long> byStateAndUnit = new HashMap<>();
            Map<String, Long> overdueByUnit = new HashMap<>();
            sql.query("SELECT coalesce(state, 'UNKNOWN'), coalesce(nullif(responsible_unit, ''), ?), count(*),"
                            + " count(*) FILTER (WHERE " + TaskStates.overdueSql("state", "deadline", "?") + ")"
                            + " FROM rm_task WHERE " + Standing.sql("rm_task") + " GROUP BY 1, 2",
                    row -> {
                        byStateAndUnit.put(List.of(row.getString(1), row.getString(2)), row.getLong(3));
                        overdueByUnit.merge(row.getString(2), row.getLong(4), Long::sum);
                        return null;
                    }, NO_UNIT, config.today());
            tasks.keySet().forEach(key -> byStateAndUnit.putIfAbsent(key, 0L));
            byStateAndUnit.forEach((key, count) -> tasks.computeIfAbsent(key, this::registerTasks).set(count));
            overdue.keySet().forEach(unit -> overdueByUnit.putIfAbsent(unit, 0L));
            overdueByUnit.forEach((unit, count) -> overdue.computeIfAbsent(unit, this::registerOverdue).set(count));
            sql.one("SELECT coalesce(sum(received), 0), coalesce(sum(answered), 0) FROM rm_feedback_tally", row -> {
                feedbackReceived.set(row.getLong(1));
                feedbackAnswered.set(row.getLong(2));
                return null;
            });
        } catch (RuntimeException e) {
            // The database may be away for a moment; the gauges keep their last values until the next round.
            LOG.debugf("metrics not refreshed: %s", e.getMessage());
        }
    }

    private AtomicLong registerTasks(List<String> stateAndUnit) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("rectification.tasks", value, AtomicLong::get)
                .tag("state", stateAndUnit.get(0)).tag("unit", stateAndUnit.get(1))
                .description("Rectification tasks by state and responsible unit").register(registry);
        return value;
    }

    private AtomicLong registerOverdue(String unit) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("rectification.tasks.overdue", value, AtomicLong::get).tag("unit", unit)
                .description("Tasks past their deadline and not closed out, as of today, by responsible unit").register(registry);
        return value;
    }
}
