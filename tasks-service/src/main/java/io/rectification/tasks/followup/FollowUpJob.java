package io.rectification.tasks.followup;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Runs every follow-up check (overdue, missing progress reports, look-back reviews falling due),
 * each in parts of its own transactions ({@link FollowUps}), when {@link FollowUpSchedule} says so:
 * at the first tick after start, every {@code tasks.follow-up.every} (15m; "off" disables the checks)
 * and soon after tasks were added or a deadline passed. It ticks every {@code tasks.follow-up.poll}
 * (30s), which only reads how many tasks there are, the newest and how many open ones are late.
 */
@ApplicationScoped
public class FollowUpJob {

    private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

    private final FollowUps followUps;
    private final Instance<FollowUpCheck> checks;
    private final Clock clock;
    private final FollowUpLedger ledger;
    private final FollowUpSchedule schedule;

    public FollowUpJob(FollowUps followUps, Instance<FollowUpCheck> checks, Clock clock, FollowUpLedger ledger,
                       @ConfigProperty(name = "tasks.follow-up.every", defaultValue = "15m") String every) {
        this.followUps = followUps;
        this.checks = checks;
        this.clock = clock;
        this.ledger = ledger;
        this.schedule = "off".equalsIgnoreCase(every.trim()) || "disabled".equalsIgnoreCase(every.trim()) ? null
                : new FollowUpSchedule(DurationConverter.parseDuration(every.trim()));
    }

    @Scheduled(identity = "follow-up-check", every = "${tasks.follow-up.poll:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (schedule == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        FollowUpSchedule.Ledger tasks;
        try {
            tasks = ledger.read(now.toLocalDate());
        } catch (RuntimeException e) {
            // the database away: every 30 s a warning would add nothing to what the health check says
            LOG.debugf("follow-up: the tasks could not be read: %s", e.getMessage());
            return;
        }
        if (!schedule.due(now.toInstant(), tasks)) {
            return;
        }
        schedule.ran(now.toInstant(), tasks);
        check(now);
    }

    void check(OffsetDateTime now) {
        for (FollowUpCheck check : checks) {
            int emitted = followUps.emit(check, now);
            if (emitted > 0) {
                LOG.infof("%s: %d follow-up notice(s) published", check.getClass().getSimpleName(), emitted);
            }
        }
    }
}
