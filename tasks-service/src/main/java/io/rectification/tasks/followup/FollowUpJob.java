package io.rectification.tasks.followup;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Runs the follow-up checks on a schedule ({@code tasks.follow-up.every}, e.g. 15m; "off" disables
 * it): missing progress reports and look-back reviews falling due.
 */
@ApplicationScoped
public class FollowUpJob {

    private static final Logger LOG = Logger.getLogger(FollowUpJob.class);

    private final ProgressReportMissingService missingReports;
    private final LookBackDueService lookBacks;

    private final Clock clock;

    public FollowUpJob(ProgressReportMissingService missingReports, LookBackDueService lookBacks, Clock clock) {
        this.missingReports = missingReports;
        this.lookBacks = lookBacks;
        this.clock = clock;
    }

    @Scheduled(identity = "follow-up-check", every = "${tasks.follow-up.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int missing = missingReports.emitMissingReports(OffsetDateTime.now(clock));
        int due = lookBacks.emitLookBacksDue(LocalDate.now(clock));
        if (missing + due > 0) {
            LOG.infof("%d missing progress report(s), %d look-back review(s) due", missing, due);
        }
    }
}
