package io.rectification.reporting.notice;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rectification.platform.time.PeriodicRefresh;
import io.rectification.reporting.support.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices given up for good, counted from their tables as the open dead letters are
 * ({@code DeadLetterMetrics}): mails FAILED after their last try ({@code rectification_notice_mails_failed},
 * {@link MailDelivery}) and webhook calls DEAD ({@code rectification_notice_webhooks_dead}, {@link WebhookCalls}).
 * Neither is tried again, so the gauges only grow: the alerts read their rise (a wrong relay password
 * fails every mail quietly otherwise, operator review #6). Every instance counts the same tables, so
 * queries take {@code max without (instance, pod)}. Exported at 0 from the start; with the database
 * away the gauges keep their last values. Counted from partial indexes (V27), not the tables' every row.
 */
@ApplicationScoped
public class NoticeFailureMetrics {

    private static final Logger LOG = Logger.getLogger(NoticeFailureMetrics.class);

    private final Sql sql;
    private final MeterRegistry meters;
    private final Duration period;
    private final AtomicLong mailsFailed = new AtomicLong();
    private final AtomicLong webhooksDead = new AtomicLong();
    private PeriodicRefresh refreshing;

    public NoticeFailureMetrics(Sql sql, MeterRegistry meters,
                                @ConfigProperty(name = "reporting.metrics.period", defaultValue = "15s") Duration period) {
        this.sql = sql;
        this.meters = meters;
        this.period = period;
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("rectification.notice.mails.failed", mailsFailed, AtomicLong::get)
                .description("Notice mails given up after their last try (FAILED)").register(meters);
        Gauge.builder("rectification.notice.webhooks.dead", webhooksDead, AtomicLong::get)
                .description("Notice webhook calls given up after their last try (DEAD)").register(meters);
        refreshing = PeriodicRefresh.start("notice-failure-metrics", period, this::refresh);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refreshing != null) {
            refreshing.stop();
        }
    }

    /** Counts the failed mails and dead webhook calls now. */
    public void refresh() {
        try {
            mailsFailed.set(sql.one("SELECT count(*) FROM notice_mail WHERE state = 'FAILED'", row -> row.getLong(1)));
            webhooksDead.set(sql.one("SELECT count(*) FROM notice_webhook WHERE state = 'DEAD'", row -> row.getLong(1)));
        } catch (RuntimeException e) {
            LOG.debugf("failed notices not counted: %s", e.getMessage());
        }
    }
}
