package io.rectification.feedback.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Runs {@link PersonalDataErasure} on a schedule ({@code feedback.personal-data.erasure.every}, 1h; "off"
 * stops it, and with it the retention period). Every instance runs it; their batches take different rows.
 */
@ApplicationScoped
public class PersonalDataErasureJob {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasureJob.class);

    private final PersonalDataErasure erasure;
    private final Clock clock;

    public PersonalDataErasureJob(PersonalDataErasure erasure, Clock clock) {
        this.erasure = erasure;
        this.clock = clock;
    }

    @Scheduled(identity = "personal-data-erasure", every = "${feedback.personal-data.erasure.every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        PersonalDataErasure.Run run = erasure.run(clock.instant());
        if (run.erased() > 0) {
            LOG.infof("personal data of %d finished feedback erased (retention period %s; audit %s/%s)", run.erased(),
                    run.retention(), PersonalDataErasure.AUDIT_ENTITY, run.id());
        }
    }
}
