package io.rectification.tasks.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Runs every follow-up check (overdue, missing progress reports, look-back reviews falling due) on
 * one schedule ({@code tasks.follow-up.every}, e.g. 15m; "off" disables it), each in parts of its own
 * transactions ({@link FollowUps}).
 */
@ApplicationScoped
public class FollowUpJob {

    private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

    private final FollowUps followUps;
    private final Instance<FollowUpCheck> checks;
    private final Clock clock;

    public FollowUpJob(FollowUps followUps, Instance<FollowUpCheck> checks, Clock clock) {
        this.followUps = followUps;
        this.checks = checks;
        this.clock = clock;
    }

    @Scheduled(identity = "follow-up-check", every = "${tasks.follow-up.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (FollowUpCheck check : checks) {
            int emitted = followUps.emit(check, now);
            if (emitted > 0) {
                LOG.infof("%s: %d follow-up notice(s) published", check.getClass().getSimpleName(), emitted);
            }
        }
    }
}
