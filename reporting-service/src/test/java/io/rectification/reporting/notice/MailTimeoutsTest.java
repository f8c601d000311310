package io.rectification.reporting.notice;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail settings the sender relies on: a send gives up well before the transaction that sends it is rolled
 * back, so that the failure is recorded in it (a try counted, a back-off) rather than lost with it; a CI run
 * once had a send wait the mailer's 60 s default, the reaper roll the transaction back at the same 60 s, and
 * the failure then fail to be written. And a pooled connection is dropped before the test mail server (GreenMail)
 * closes it for idling, after 30 s.
 */
@QuarkusTest
class MailTimeoutsTest {

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration sendTimeout;
    @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60s")
    Duration transactionTimeout;
    @ConfigProperty(name = "quarkus.mailer.keep-alive-timeout")
    Duration keepAlive;

    @Test
    void aSendGivesUpWithTimeLeftToRecordItsFailure() {
        assertTrue(sendTimeout.multipliedBy(2).compareTo(transactionTimeout) <= 0,
                "quarkus.mailer.timeout " + sendTimeout + " must be at most half the transaction timeout " + transactionTimeout);
        assertTrue(keepAlive.compareTo(Duration.ofSeconds(30)) < 0,
                "quarkus.mailer.keep-alive-timeout " + keepAlive + " must be below GreenMail's 30 s idle limit");
    }
}
