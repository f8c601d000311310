package io.rectification.reporting.notice;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The notices' one periodic job: fan causes out, queue the day's digests once it is time, send the
 * mails and webhook calls that are due. Each step on its own, so a mail server that is down does
 * not hold the webhook back. Every instance runs it; the row locks share the work.
 */
@ApplicationScoped
public class NoticeJob {

    private static final Logger LOG = Logger.getLogger(NoticeJob.class);

    private final NoticeFanOut fanOut;
    private final DailyDigest digest;
    private final MailDelivery mails;
    private final WebhookCalls webhooks;

    public NoticeJob(NoticeFanOut fanOut, DailyDigest digest, MailDelivery mails, WebhookCalls webhooks) {
        this.fanOut = fanOut;
        this.digest = digest;
        this.mails = mails;
        this.webhooks = webhooks;
    }

    @Scheduled(identity = "notices", every = "${notices.poll:5s}", delayed = "${notices.poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        step("fan-out", () -> fanOut.run(100));
        step("digest", digest::run);
        step("mail", () -> mails.sendDue(50));
        step("webhook", () -> webhooks.deliverDue(50));
    }

    private static void step(String name, java.util.function.IntSupplier work) {
        try {
            work.getAsInt();
        } catch (RuntimeException e) {
            LOG.warnf("notices %s: %s", name, e.getMessage());
        }
    }
}
