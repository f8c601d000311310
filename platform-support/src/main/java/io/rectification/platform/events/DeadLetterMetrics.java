package io.rectification.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dead letters still open, per consumer ({@code rectification_dead_letters_open{consumer}}):
 * what the alert RectificationDeadLetters reads, so that replaying or dismissing them clears it
 * (a count of those recorded, {@code rectification_consumer_dead_letters_total}, never falls).
 * Counted from the table every 15 s ({@code platform.dead-letters.metrics-period}), so every
 * instance of a service reports the same number; each consumer of this service is reported from the
 * start (0 with none open), as is any other the table names. With the database away the gauges keep
 * their last values (the outbox's failure gauge says so).
 */
@ApplicationScoped
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    static final String OPEN = "SELECT consumer, count(*) FROM dead_letter WHERE resolution IS NULL GROUP BY consumer";

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Instance<EventHandler> handlers;
    private final Duration period;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private PeriodicRefresh refreshing;

    public DeadLetterMetrics(DataSource dataSource, MeterRegistry meters, Instance<EventHandler> handlers,
                             @ConfigProperty(name = "platform.dead-letters.metrics-period", defaultValue = "15s") Duration period) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.handlers = handlers;
        this.period = period;
    }

    void onStart(@Observes StartupEvent event) {
        handlers.forEach(handler -> gauge(handler.consumerName()));
        refreshing = PeriodicRefresh.start("dead-letter-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    /** Counts the open dead letters now. */
    public void refresh() {
        Map<String, Long> counted = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(OPEN)) {
            while (rows.next()) {
                counted.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("open dead letters not counted: %s", e.getMessage());
            return;
        }
        counted.keySet().forEach(this::gauge);
        open.forEach((consumer, count) -> count.set(counted.getOrDefault(consumer, 0L)));
    }

    private void gauge(String consumer) {
        open.computeIfAbsent(consumer, name -> {
            AtomicLong count = new AtomicLong();
            Gauge.builder("rectification.dead.letters.open", count, AtomicLong::get)
                    .description("Dead letters of the consumer not yet replayed or dismissed")
                    .tag("consumer", name).register(meters);
            return count;
        });
    }
}
