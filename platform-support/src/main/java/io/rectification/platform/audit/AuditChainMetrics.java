package io.rectification.platform.audit;

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
 * The audit chain's latest sequence number ({@code rectification_audit_entries}): its length, as the
 * chain counts from 1 without gaps. The chain verifies only against itself, so removing its newest
 * entries leaves {@code /audit/verify} intact with fewer entries checked; a series kept outside the
 * database does not shrink with it, and the alert RectificationAuditChainShrank compares the two
 * (operator review #8). Counted every 15 s ({@code platform.audit.metrics-period}, the primary key's
 * last entry: cheap), so every instance of a service reports the same number. Registered only once
 * first counted: a 0 after a restart would read as a chain emptied.
 */
@ApplicationScoped
public class AuditChainMetrics {

    private static final Logger LOG = Logger.getLogger(AuditChainMetrics.class);

    static final String LATEST = "SELECT coalesce(max(seq), 0) FROM audit_entry";

    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final Duration period;
    private final AtomicLong latest = new AtomicLong();
    private volatile boolean registered;
    private PeriodicRefresh refreshing;

    public AuditChainMetrics(DataSource dataSource, MeterRegistry meters,
                             @ConfigProperty(name = "platform.audit.metrics-period", defaultValue = "15s") Duration period) {
        this.dataSource = dataSource;
        this.meters = meters;
        this.period = period;
    }

    void onStart(@Observes StartupEvent event) {
        refreshing = PeriodicRefresh.start("audit-chain-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    /** Reads the chain's latest sequence number now. */
    public synchronized void refresh() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(LATEST)) {
            row.next();
            latest.set(row.getLong(1));
        } catch (SQLException | RuntimeException e) {
            // The database may be away for a moment: the gauge keeps its last value (the outbox's failure gauge says so).
            LOG.debugf("audit chain not counted: %s", e.getMessage());
            return;
        }
        if (!registered) {
            Gauge.builder("rectification.audit.entries", latest, AtomicLong::get)
                    .description("The audit chain's latest sequence number (its length); it never falls")
                    .register(meters);
            registered = true;
        }
    }
}
