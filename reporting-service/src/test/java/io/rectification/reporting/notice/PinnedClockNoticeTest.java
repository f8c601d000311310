package io.rectification.reporting.notice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.rectification.platform.testing.AdjustableClock;
import io.rectification.platform.testing.PinnedClock;
import io.rectification.reporting.ContractEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event sent while the services' clock is pinned years away from the day the test runs is as
 * fresh as a producer's would be: the test's envelopes carry the pinned time, so the rule that an
 * event older than two days raises no notice does not swallow it. 08:00 in Asia/Shanghai, before
 * the day's digest. The days an overdue notice counts are calendar days in Asia/Shanghai, read
 * back over IMAP around a month end and midnight.
 */
@QuarkusTest
class PinnedClockNoticeTest {

    @RegisterExtension
    static final PinnedClock CLOCK = PinnedClock.at("2031-03-03T00:00:00Z");

    final ContractEvents plan = new ContractEvents();
    final String marker = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anOverdueTaskSentUnderAPinnedClockIsToldAtOnce() {
        ObjectNode task = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 4, "IN_PROGRESS",
                "2031-02-28").put("title", "规范公务接待-" + marker).put("responsibleUnit", NoticesTest.UNIT);
        ContractEvents.sendTask("TaskOverdue", task, 2, Map.of("dueDate", "2031-02-28", "what", "TASK"));

        await().atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(1, Mailbox.notices(NoticesTest.OFFICER, marker).size()));
        // 28 February to 3 March: three calendar days, across the month end
        Mailbox.Received mail = Mailbox.notices(NoticesTest.OFFICER, marker).get(0);
        assertTrue(mail.subject().endsWith("规范公务接待-" + marker + "（已逾期3天）"), mail.subject());
        assertTrue(mail.body().startsWith("以下整改任务已超过完成时限（2031年2月28日），已逾期3天，"), mail.body());
    }

    @Test
    void anOverdueEpisodeAfterARejectedClaimIsToldOnceMore() {
        ObjectNode task = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 6, "IN_PROGRESS",
                "2031-02-28").put("title", "整治违规收费-" + marker).put("responsibleUnit", NoticesTest.UNIT);
        Map<String, Object> first = Map.of("dueDate", "2031-02-28", "what", "DEADLINE");
        ContractEvents.sendTask("TaskOverdue", task, 2, first);
        ContractEvents.sendTask("TaskOverdue", task, 2, first);
        await().atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(1, Mailbox.notices(NoticesTest.OFFICER, marker).size()));
        // claimed on 1 March (no notice while the supervisor decides), rejected on the 2nd: overdue anew
        Map<String, Object> again = Map.of("dueDate", "2031-02-28", "what", "DEADLINE",
                "resumedAt", "2031-03-02T09:00:00+08:00");
        ContractEvents.sendTask("TaskOverdue", task, 5, again);
        ContractEvents.sendTask("TaskOverdue", task, 5, again);
        await().atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(2, Mailbox.notices(NoticesTest.OFFICER, marker).size()));
        await().during(java.time.Duration.ofSeconds(3)).atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(2, Mailbox.notices(NoticesTest.OFFICER, marker).size(), "each episode is told once"));
    }

    @Test
    void aTaskOverdueSinceMidnightInBeijingIsOneDayOverdueWhileUtcIsStillOnItsDeadline() {
        // 1 March 00:00:30 in Beijing; in UTC it is still 28 February, the deadline itself
        AdjustableClock.pinAt(Instant.parse("2031-02-28T16:00:30Z"));
        ObjectNode task = plan.task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5, "IN_PROGRESS",
                "2031-02-28").put("title", "规范公车使用-" + marker).put("responsibleUnit", NoticesTest.UNIT);
        ContractEvents.sendTask("TaskOverdue", task, 2, Map.of("dueDate", "2031-02-28", "what", "TASK"));

        await().atMost(NoticesTest.WAIT).untilAsserted(() ->
                assertEquals(1, Mailbox.notices(NoticesTest.OFFICER, marker).size()));
        Mailbox.Received mail = Mailbox.notices(NoticesTest.OFFICER, marker).get(0);
        assertTrue(mail.subject().endsWith("规范公车使用-" + marker + "（已逾期1天）"), mail.subject());
        assertTrue(mail.body().contains("已逾期1天，请尽快推进并报送进展。"), mail.body());
    }
}
