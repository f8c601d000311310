package io.rectification.tasks.overdue;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;

/** Runs the overdue check on a schedule ({@code tasks.overdue.every}, e.g. 15m; "off" disables it). */
@ApplicationScoped
public class OverdueJob {

    private static final Logger LOG = Logger.getLogger(OverdueJob.class);

    private final OverdueService service;

    private final Clock clock;

    public OverdueJob(OverdueService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(identity = "overdue-check", every = "${tasks.overdue.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        int emitted = service.emitOverdue(LocalDate.now(clock));
        if (emitted > 0) {
            LOG.infof("%d task(s) or stage goal(s) became overdue", emitted);
        }
    }
}
