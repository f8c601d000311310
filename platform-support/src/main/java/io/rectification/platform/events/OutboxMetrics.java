package io.rectification.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's backlog as gauges: events written but not yet on Kafka
 * ({@code rectification_outbox_backlog}) and the age of the oldest of them in seconds
 * ({@code rectification_outbox_oldest_age_seconds}, 0 when none waits). Counted apart from the
 * relay, on a period of its own, because the relay stands still exactly when the backlog grows
 * (Kafka away); a scrape never waits on the database. With the database away the gauges keep their
 * last values and {@code rectification_outbox_metrics_failed} is 1.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    static final String BACKLOG = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0)
            FROM outbox_event WHERE published_at IS NULL""";

    private final DataSource dataSource;
    private final Duration period;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private PeriodicRefresh refreshing;

    public OutboxMetrics(DataSource dataSource, MeterRegistry meters,
                         @ConfigProperty(name = "platform.outbox.metrics-period", defaultValue = "15s") Duration period) {
        this.dataSource = dataSource;
        this.period = period;
        Gauge.builder("rectification.outbox.backlog", backlog, AtomicLong::get)
                .description("Events in the outbox not yet published to Kafka").register(meters);
        Gauge.builder("rectification.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Seconds the oldest unpublished outbox event has waited (0: none waits)").register(meters);
        Gauge.builder("rectification.outbox.metrics.failed", failed, AtomicLong::get)
                .description("1 when the outbox could not be counted at the last try (database away)").register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        refreshing = PeriodicRefresh.start("outbox-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    /** Counts the backlog now. */
    public void refresh() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(BACKLOG)) {
            row.next();
            backlog.set(row.getLong(1));
            oldestAgeSeconds.set((long) Math.floor(row.getDouble(2)));
            failed.set(0);
        } catch (SQLException | RuntimeException e) {
            failed.set(1);
            LOG.debugf("outbox metrics not refreshed: %s", e.getMessage());
        }
    }
}
