package io.rectification.feedback.replydue;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/** Runs {@link ReplyDueCheck} on a schedule ({@code feedback.reply-due.every}, e.g. 15m; "off" disables it). */
@ApplicationScoped
public class ReplyDueJob {

    private static final Logger LOG = Logger.getLogger(ReplyDueJob.class);

    private final ReplyDueCheck check;
    private final Clock clock;

    public ReplyDueJob(ReplyDueCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Scheduled(identity = "reply-due-check", every = "${feedback.reply-due.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int emitted = check.emit(OffsetDateTime.now(clock));
        if (emitted > 0) {
            LOG.infof("%d reply deadline notice(s) published", emitted);
        }
    }
}
